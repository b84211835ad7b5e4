// One voucher batch of the tenant with its package and status counts; another tenant's id is NOT_FOUND.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { packages, voucherBatches } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { batchColumns, withCounts, type VoucherBatchRow } from "./find-voucher-batches";
import { charsetKeyOf } from "./voucher-fields";
import { isUuid } from "@/lib/ids";

export type VoucherBatchDetail = VoucherBatchRow & { charset: string; charsetKey: string | null; validityValue: number; validityUnit: string };

export async function getVoucherBatch(db: Database, input: { tenantId: string; id: string }): Promise<VoucherBatchDetail> {
  if (!isUuid(input.id)) throw notFound("Voucher batch");
  const [row] = await db
    .select({
      ...batchColumns(input.tenantId),
      validityValue: packages.validityValue,
      validityUnit: packages.validityUnit,
      charset: voucherBatches.charset,
    })
    .from(voucherBatches)
    .innerJoin(packages, and(eq(packages.id, voucherBatches.packageId), eq(packages.tenantId, voucherBatches.tenantId)))
    .where(and(eq(voucherBatches.tenantId, input.tenantId), eq(voucherBatches.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Voucher batch");
  return { ...withCounts(row), charsetKey: charsetKeyOf(row.charset) };
}
