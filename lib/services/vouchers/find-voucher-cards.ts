// What a printed voucher sheet or a CSV export needs: the tenant's name and portal slug, and each chosen
// voucher (a batch, or a selection of ids) with its package's name, price and validity.
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { blank } from "@/lib/services/zod-helpers";
import type { Database } from "@/lib/db/client";
import { packages, tenants, voucherBatches, vouchers } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { MAX_VOUCHERS_PER_BATCH } from "./voucher-fields";
import { isUuid } from "@/lib/ids";

/** What a batch's own sheet takes (the batch comes from its path). */
export const voucherCardOptionsSchema = z.object({
  /** Only vouchers still sellable (AVAILABLE): the default for printing a batch. */
  availableOnly: z.preprocess((v) => v === true || v === "true" || v === "1", z.boolean()).default(false),
});

export const findVoucherCardsSchema = voucherCardOptionsSchema
  .extend({
    batchId: z.preprocess(blank, z.string().refine(isUuid, "batchId must be a valid id").optional()),
    ids: z.preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v),
      z.array(z.string().refine(isUuid, "ids must be voucher ids")).max(MAX_VOUCHERS_PER_BATCH).optional(),
    ),
  })
  .refine((v) => v.batchId || v.ids?.length, { message: "Choose a batch or some vouchers", path: ["ids"] });
export type FindVoucherCardsInput = z.output<typeof findVoucherCardsSchema>;

export interface VoucherCard {
  id: string;
  code: string;
  status: string;
  packageName: string;
  price: number;
  validityValue: number;
  validityUnit: "MINUTES" | "HOURS" | "DAYS" | "MONTHS";
  redeemBy: Date | null;
  batchName: string | null;
}

export interface VoucherCards {
  tenant: { name: string; slug: string; currency: string; timeZone: string; contactPhone: string | null };
  title: string;
  cards: VoucherCard[];
}

export async function findVoucherCards(db: Database, input: FindVoucherCardsInput & { tenantId: string }): Promise<VoucherCards> {
  const q = input;
  const [tenant] = await db
    .select({ name: tenants.name, slug: tenants.slug, currency: tenants.currency, timeZone: tenants.timezone, contactPhone: tenants.contactPhone })
    .from(tenants)
    .where(eq(tenants.id, input.tenantId))
    .limit(1);
  if (!tenant) throw notFound("Tenant");
  let title = "Vouchers";
  if (q.batchId) {
    const [batch] = await db
      .select({ name: voucherBatches.name })
      .from(voucherBatches)
      .where(and(eq(voucherBatches.tenantId, input.tenantId), eq(voucherBatches.id, q.batchId)))
      .limit(1);
    if (!batch) throw notFound("Voucher batch");
    title = batch.name;
  }
  const cards = await db
    .select({
      id: vouchers.id,
      code: vouchers.code,
      status: vouchers.status,
      packageName: packages.name,
      price: packages.price,
      validityValue: packages.validityValue,
      validityUnit: packages.validityUnit,
      redeemBy: vouchers.redeemBy,
      batchName: voucherBatches.name,
    })
    .from(vouchers)
    .innerJoin(packages, and(eq(packages.id, vouchers.packageId), eq(packages.tenantId, vouchers.tenantId)))
    .leftJoin(voucherBatches, and(eq(voucherBatches.id, vouchers.batchId), eq(voucherBatches.tenantId, vouchers.tenantId)))
    .where(
      and(
        eq(vouchers.tenantId, input.tenantId),
        q.batchId ? eq(vouchers.batchId, q.batchId) : undefined,
        q.ids?.length ? inArray(vouchers.id, q.ids) : undefined,
        q.availableOnly ? eq(vouchers.status, "AVAILABLE") : undefined,
      ),
    )
    .orderBy(asc(vouchers.code));
  if (q.ids?.length && cards.length === 0) throw notFound("Voucher");
  if (cards.length > MAX_VOUCHERS_PER_BATCH) throw new AppError("INVALID_INPUT", "At most 10,000 vouchers per sheet");
  return { tenant, title, cards };
}
