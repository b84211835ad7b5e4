// Revokes a voucher so RADIUS refuses it from now on, and disconnects its live sessions.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers, type Voucher } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { disconnectVoucher } from "./disconnect-voucher";
import { lockVoucher, voucherSummary } from "./voucher-rows";

export async function revokeVoucher(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<Voucher & { disconnected: number }> {
  const row = await db.transaction(async (tx) => {
    const v = await lockVoucher(tx, input.tenantId, input.id);
    if (v.status === "REVOKED") throw new AppError("CONFLICT", `Voucher ${v.code} is already revoked`);
    const [after] = await tx
      .update(vouchers)
      .set({ status: "REVOKED" })
      .where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.id, v.id)))
      .returning();
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "voucher.revoke", targetType: "voucher", targetId: v.id, before: voucherSummary(v), after: voucherSummary(after) });
    return after;
  });
  const { openSessions } = await disconnectVoucher(db, { tenantId: input.tenantId, id: row.id, reason: "voucher revoked" }, actor);
  return { ...row, disconnected: openSessions };
}
