// Clears a voucher's MAC binding so the next device that redeems it is bound instead (a customer
// changed phones).
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers, type Voucher } from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { lockVoucher, voucherSummary } from "./voucher-rows";

export async function resetVoucherMac(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<Voucher> {
  return db.transaction(async (tx) => {
    const v = await lockVoucher(tx, input.tenantId, input.id);
    const [after] = await tx
      .update(vouchers)
      .set({ macAddress: null })
      .where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.id, v.id)))
      .returning();
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "voucher.reset-mac", targetType: "voucher", targetId: v.id, before: voucherSummary(v), after: voucherSummary(after) });
    return after;
  });
}
