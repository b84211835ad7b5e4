// Deletes one voucher of the tenant (audited). A voucher in use is disconnected first by the caller's
// choice; deleting only removes the code so it can no longer be redeemed.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers } from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { lockVoucher, voucherSummary } from "./voucher-rows";

export async function deleteVoucher(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ id: string; code: string }> {
  return db.transaction(async (tx) => {
    const v = await lockVoucher(tx, input.tenantId, input.id);
    await tx.delete(vouchers).where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.id, v.id)));
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "voucher.delete", targetType: "voucher", targetId: v.id, before: voucherSummary(v) });
    return { id: v.id, code: v.code };
  });
}
