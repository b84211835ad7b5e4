// The tenant's vouchers for the list, the REST API and exports: filter by status, batch and package,
// search by code, sort, page. Also resolves whether each voucher has a live session.
import { and, asc, count, desc, eq, exists, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { packages, sessions, voucherBatches, vouchers } from "@/lib/db/schema";
import { blank, pageOf, paginationSchema, type Page } from "@/lib/services/zod-helpers";
import { voucherStatusField } from "./voucher-fields";
import { isUuid } from "@/lib/ids";
import { containsPattern } from "@/lib/db/like";

export const voucherSortKeys = ["code", "status", "createdAt", "usedAt", "redeemBy", "expiresAt"] as const;
export type VoucherSortKey = (typeof voucherSortKeys)[number];

export const findVouchersSchema = paginationSchema.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  search: z.preprocess(blank, z.string().trim().max(100).optional()),
  status: z.preprocess(blank, voucherStatusField.optional()),
  batchId: z.preprocess(blank, z.string().refine(isUuid, "batchId must be a valid id").optional()),
  packageId: z.preprocess(blank, z.string().refine(isUuid, "packageId must be a valid id").optional()),
  sort: z.preprocess(blank, z.enum(voucherSortKeys).default("createdAt")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default("desc")),
});
export type FindVouchersInput = z.output<typeof findVouchersSchema>;

export interface VoucherRow {
  id: string;
  code: string;
  status: "AVAILABLE" | "USED" | "EXPIRED" | "REVOKED";
  batchId: string | null;
  batchName: string | null;
  packageId: string;
  packageName: string;
  price: number;
  redeemBy: Date | null;
  usedAt: Date | null;
  expiresAt: Date | null;
  macAddress: string | null;
  usedBytes: bigint;
  usedSeconds: number;
  online: boolean;
  createdAt: Date;
}

const sortColumns = {
  code: vouchers.code,
  status: vouchers.status,
  createdAt: vouchers.createdAt,
  usedAt: vouchers.usedAt,
  redeemBy: vouchers.redeemBy,
  expiresAt: vouchers.expiresAt,
} as const;

export function voucherFilters(tenantId: string, q: { search?: string; status?: string; batchId?: string; packageId?: string; ids?: string[] }): SQL {
  const where: SQL[] = [eq(vouchers.tenantId, tenantId)];
  if (q.search) where.push(ilike(vouchers.code, containsPattern(q.search)));
  if (q.status) where.push(eq(vouchers.status, q.status as VoucherRow["status"]));
  if (q.batchId) where.push(eq(vouchers.batchId, q.batchId));
  if (q.packageId) where.push(eq(vouchers.packageId, q.packageId));
  if (q.ids) where.push(inArray(vouchers.id, q.ids.length ? q.ids : ["00000000-0000-0000-0000-000000000000"]));
  return and(...where)!;
}

/** The columns of a VoucherRow, for selects over vouchers joined to packages and batches. */
export function voucherRowFields(db: Database, tenantId: string) {
  return {
    id: vouchers.id,
    code: vouchers.code,
    status: vouchers.status,
    batchId: vouchers.batchId,
    batchName: voucherBatches.name,
    packageId: vouchers.packageId,
    packageName: packages.name,
    price: packages.price,
    redeemBy: vouchers.redeemBy,
    usedAt: vouchers.usedAt,
    expiresAt: vouchers.expiresAt,
    macAddress: vouchers.macAddress,
    usedBytes: vouchers.usedBytes,
    usedSeconds: vouchers.usedSeconds,
    online: exists(
      db
        .select({ one: sql`1` })
        .from(sessions)
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.voucherId, vouchers.id))),
    ).mapWith(Boolean),
    createdAt: vouchers.createdAt,
  };
}

/** vouchers ⋈ packages ⟕ batches, each join tenant-scoped. */
export function selectVoucherRows(db: Database, tenantId: string) {
  return db
    .select(voucherRowFields(db, tenantId))
    .from(vouchers)
    .innerJoin(packages, and(eq(packages.id, vouchers.packageId), eq(packages.tenantId, vouchers.tenantId)))
    .leftJoin(voucherBatches, and(eq(voucherBatches.id, vouchers.batchId), eq(voucherBatches.tenantId, vouchers.tenantId)));
}

export async function findVouchers(db: Database, input: FindVouchersInput & { tenantId: string }): Promise<Page<VoucherRow>> {
  const q = input;
  const where = voucherFilters(input.tenantId, q);
  const order = q.dir === "asc" ? asc(sortColumns[q.sort]) : desc(sortColumns[q.sort]);
  const [rows, [{ total }]] = await Promise.all([
    selectVoucherRows(db, input.tenantId)
      .where(where)
      .orderBy(order, asc(vouchers.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(vouchers).where(where),
  ]);
  return pageOf(rows as VoucherRow[], total, q.page, q.pageSize);
}
