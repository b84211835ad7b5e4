// The tenant's payments for the list and GET /api/payments: filter by method, status, purpose,
// customer and date range (in the tenant's time zone), search by reference, phone or customer, sort, page.
import { and, asc, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, payments } from "@/lib/db/schema";
import { blank, pageOf, paginationSchema, type Page } from "@/lib/services/zod-helpers";
import { paymentMethods, paymentPurposes, paymentStatuses, selectPaymentRows, type PaymentRow } from "./payment-fields";
import { isUuid } from "@/lib/ids";
import { containsPattern } from "@/lib/db/like";
import { DEFAULT_TIME_ZONE } from "@/lib/services/packages/validity";

const day = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31").optional());

export const paymentSortKeys = ["createdAt", "paidAt", "amount", "receiptNumber"] as const;

export const findPaymentsSchema = paginationSchema.extend({
  search: z.preprocess(blank, z.string().trim().max(100).optional()),
  method: z.preprocess(blank, z.enum(paymentMethods).optional()),
  status: z.preprocess(blank, z.enum(paymentStatuses).optional()),
  purpose: z.preprocess(blank, z.enum(paymentPurposes).optional()),
  customerId: z.preprocess(blank, z.string().refine(isUuid, "customerId must be a valid id").optional()),
  from: day,
  to: day,
  sort: z.preprocess(blank, z.enum(paymentSortKeys).default("createdAt")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default("desc")),
});
export type FindPaymentsInput = z.output<typeof findPaymentsSchema>;

const sortColumns = {
  createdAt: payments.createdAt,
  paidAt: payments.paidAt,
  amount: payments.amount,
  receiptNumber: payments.receiptNumber,
} as const;

export interface PaymentTotals {
  count: number;
  completedAmount: number;
}

/** `timezone`: the tenant's, for the local days of `from` and `to` (context, not a filter). */
export async function findPayments(db: Database, input: FindPaymentsInput & { tenantId: string; timezone?: string }): Promise<Page<PaymentRow> & { totals: PaymentTotals }> {
  const q = input;
  const timezone = input.timezone ?? DEFAULT_TIME_ZONE;
  const where: SQL[] = [eq(payments.tenantId, input.tenantId)];
  if (q.method) where.push(eq(payments.method, q.method));
  if (q.status) where.push(eq(payments.status, q.status));
  if (q.purpose) where.push(eq(payments.purpose, q.purpose));
  if (q.customerId) where.push(eq(payments.customerId, q.customerId));
  // A day is the tenant's local day: from 00:00 of `from` to 00:00 after `to`.
  const when = sql`coalesce(${payments.paidAt}, ${payments.createdAt})`;
  if (q.from) where.push(gte(when, sql`(${q.from}::date)::timestamp at time zone ${timezone}`));
  if (q.to) where.push(lt(when, sql`(${q.to}::date + 1)::timestamp at time zone ${timezone}`));
  if (q.search) {
    const like = containsPattern(q.search);
    const receipt = /^#?\d{1,9}$/.test(q.search) ? eq(payments.receiptNumber, Number(q.search.replace("#", ""))) : undefined;
    where.push(
      or(
        ilike(payments.reference, like),
        ilike(payments.phone, like),
        ilike(customers.name, like),
        ilike(customers.username, like),
        ilike(customers.phone, like),
        receipt,
      )!,
    );
  }
  const filter = and(...where);
  const order = q.dir === "asc" ? asc(sortColumns[q.sort]) : desc(sortColumns[q.sort]);
  const [rows, [totals]] = await Promise.all([
    selectPaymentRows(db)
      .where(filter)
      .orderBy(sql`${order} nulls last`, desc(payments.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({
        total: count(),
        completedAmount: sql<number>`coalesce(sum(${payments.amount}) filter (where ${payments.status} = 'COMPLETED'), 0)::bigint`,
      })
      .from(payments)
      .leftJoin(customers, and(eq(customers.id, payments.customerId), eq(customers.tenantId, payments.tenantId)))
      .where(filter),
  ]);
  return {
    ...pageOf(rows as PaymentRow[], totals.total, q.page, q.pageSize),
    totals: { count: totals.total, completedAmount: Number(totals.completedAmount) },
  };
}
