// Deletes the tenant's vouchers that were never used (AVAILABLE), optionally of one batch.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers } from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { assertBatchInTenant, type BulkVoucherScopeInput } from "./delete-expired-vouchers";

export async function deleteUnusedVouchers(db: Database, input: BulkVoucherScopeInput & { tenantId: string }, actor: Actor): Promise<{ deleted: number }> {
  const { batchId } = input;
  return db.transaction(async (tx) => {
    await assertBatchInTenant(tx, input.tenantId, batchId);
    const gone = await tx
      .delete(vouchers)
      .where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.status, "AVAILABLE"), batchId ? eq(vouchers.batchId, batchId) : undefined))
      .returning({ id: vouchers.id });
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "voucher.delete-unused", targetType: "voucher_batch", targetId: batchId ?? null, after: { deleted: gone.length } });
    return { deleted: gone.length };
  });
}
