// The tenant's voucher batches, newest first, with how many of each is available, used, expired, revoked.
import { and, count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { packages, voucherBatches } from "@/lib/db/schema";
import { blank, pageOf, paginationSchema, type Page } from "@/lib/services/zod-helpers";
import { isUuid } from "@/lib/ids";

export const findVoucherBatchesSchema = paginationSchema.extend({
  packageId: z.preprocess(blank, z.string().refine(isUuid, "packageId must be a valid id").optional()),
});
export type FindVoucherBatchesInput = z.output<typeof findVoucherBatchesSchema>;

export interface VoucherBatchRow {
  id: string;
  name: string;
  packageId: string;
  packageName: string;
  price: number;
  count: number;
  prefix: string;
  codeLength: number;
  createdAt: Date;
  available: number;
  used: number;
  expired: number;
  revoked: number;
}

export function batchCounts(tenantId: string) {
  return sql`(select coalesce(json_object_agg(s.status, s.n), '{}'::json) from (
      select v.status, count(*)::int as n from vouchers v
       where v.tenant_id = ${tenantId} and v.batch_id = ${voucherBatches.id} group by v.status) s)`;
}

type Counts = Partial<Record<"AVAILABLE" | "USED" | "EXPIRED" | "REVOKED", number>>;

export function withCounts<T extends { counts: unknown }>(row: T): Omit<T, "counts"> & { available: number; used: number; expired: number; revoked: number } {
  const c = (row.counts ?? {}) as Counts;
  const { counts: _c, ...rest } = row;
  return { ...rest, available: c.AVAILABLE ?? 0, used: c.USED ?? 0, expired: c.EXPIRED ?? 0, revoked: c.REVOKED ?? 0 };
}

/** The columns of a batch row with its package and status counts: the list and the detail page alike. */
export function batchColumns(tenantId: string) {
  return {
    id: voucherBatches.id,
    name: voucherBatches.name,
    packageId: voucherBatches.packageId,
    packageName: packages.name,
    price: packages.price,
    count: voucherBatches.count,
    prefix: voucherBatches.prefix,
    codeLength: voucherBatches.codeLength,
    createdAt: voucherBatches.createdAt,
    counts: batchCounts(tenantId),
  };
}

export async function findVoucherBatches(db: Database, input: FindVoucherBatchesInput & { tenantId: string }): Promise<Page<VoucherBatchRow>> {
  const q = input;
  const where = and(eq(voucherBatches.tenantId, input.tenantId), q.packageId ? eq(voucherBatches.packageId, q.packageId) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(batchColumns(input.tenantId))
      .from(voucherBatches)
      .innerJoin(packages, and(eq(packages.id, voucherBatches.packageId), eq(packages.tenantId, voucherBatches.tenantId)))
      .where(where)
      .orderBy(desc(voucherBatches.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(voucherBatches).where(where),
  ]);
  return pageOf(rows.map(withCounts), total, q.page, q.pageSize);
}
