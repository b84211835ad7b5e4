// Revokes a voucher so RADIUS refuses it from now on, and disconnects its live sessions.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers, type Voucher } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";
import { lockVoucher, voucherSummary } from "./voucher-rows";

export async function revokeVoucher(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<Voucher & { disconnected: number }> {
  return db.transaction(async (tx) => {
    const v = await lockVoucher(tx, input.tenantId, input.id);
    if (v.status === "REVOKED") throw new AppError("CONFLICT", `Voucher ${v.code} is already revoked`);
    const [after] = await tx
      .update(vouchers)
      .set({ status: "REVOKED" })
      .where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.id, v.id)))
      .returning();
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "voucher.revoke", targetType: "voucher", targetId: v.id, before: voucherSummary(v), after: voucherSummary(after) });
    // The revocation and the disconnect of its live sessions commit together.
    const { openSessions } = await requestSessionsDisconnect(tx, { tenantId: input.tenantId, scope: { voucherId: v.id }, reason: "voucher revoked" }, actor);
    return { ...after, disconnected: openSessions };
  });
}
