// Deletes the tenant's expired vouchers: marked EXPIRED, unused past their redeem-by date, or used and
// past their expiry. Optionally limited to one batch. Returns how many went.
import { and, eq, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { blank } from "@/lib/services/zod-helpers";
import type { Database } from "@/lib/db/client";
import { voucherBatches, vouchers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { isUuid } from "@/lib/ids";

export const bulkVoucherScopeSchema = z.object({
  batchId: z.preprocess(blank, z.string().refine(isUuid, "batchId must be a valid id").optional()),
});
export type BulkVoucherScopeInput = z.output<typeof bulkVoucherScopeSchema>;

/** A batch named in a bulk delete must be the tenant's own: another tenant's id is NOT_FOUND, not "0 deleted". */
export async function assertBatchInTenant(db: Database, tenantId: string, batchId: string | undefined) {
  if (!batchId) return;
  const [row] = await db
    .select({ id: voucherBatches.id })
    .from(voucherBatches)
    .where(and(eq(voucherBatches.tenantId, tenantId), eq(voucherBatches.id, batchId)))
    .limit(1);
  if (!row) throw notFound("Voucher batch");
}

export async function deleteExpiredVouchers(db: Database, input: BulkVoucherScopeInput & { tenantId: string }, actor: Actor): Promise<{ deleted: number }> {
  const { batchId } = input;
  const now = sql`now()`;
  return db.transaction(async (tx) => {
    await assertBatchInTenant(tx, input.tenantId, batchId);
    const gone = await tx
      .delete(vouchers)
      .where(
        and(
          eq(vouchers.tenantId, input.tenantId),
          batchId ? eq(vouchers.batchId, batchId) : undefined,
          or(
            eq(vouchers.status, "EXPIRED"),
            and(eq(vouchers.status, "AVAILABLE"), lt(vouchers.redeemBy, now)),
            and(eq(vouchers.status, "USED"), lt(vouchers.expiresAt, now)),
          ),
        ),
      )
      .returning({ id: vouchers.id });
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "voucher.delete-expired", targetType: "voucher_batch", targetId: batchId ?? null, after: { deleted: gone.length } });
    return { deleted: gone.length };
  });
}
