// Gives customers extra days (goodwill, outage compensation): from their expiry, or from now when it
// has passed; expired customers become ACTIVE again.
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/services/audit/record-audit";
import { recordCustomerAudits } from "./record-customer-audits";
import { customerIdsField, type BulkResult } from "./set-customers-status";

export const extendCustomersSchema = z.object({
  ids: customerIdsField,
  days: z.coerce.number({ message: "Enter a number of days" }).int("Days must be a whole number").min(1, "At least 1 day").max(366, "At most 366 days"),
});
export type ExtendCustomersInput = z.output<typeof extendCustomersSchema>;

export async function extendCustomers(db: Database, input: ExtendCustomersInput & { tenantId: string }, actor: Actor): Promise<BulkResult> {
  const { ids, days } = input;
  const unique = [...new Set(ids)];
  const rows = await db
    .update(customers)
    .set({
      // Days are 24 hours of elapsed time, as in addValidity (an interval of days would follow the session zone).
      expiresAt: sql`greatest(coalesce(${customers.expiresAt}, now()), now()) + make_interval(hours => ${days}::int * 24)`,
      status: sql`case when ${customers.status} = 'EXPIRED' then 'ACTIVE'::customer_status else ${customers.status} end`,
      updatedAt: new Date(),
    })
    .where(and(eq(customers.tenantId, input.tenantId), inArray(customers.id, unique)))
    .returning({ id: customers.id, expiresAt: customers.expiresAt });
  if (unique.length === 1 && rows.length === 0) throw notFound("Customer");
  await recordCustomerAudits(db, { tenantId: input.tenantId, actor, action: "customer.extend", entries: rows.map((r) => ({ id: r.id, after: { days, expiresAt: r.expiresAt } })) });
  return { updated: rows.length, skipped: unique.length - rows.length };
}
