// Suspends, resumes or disables customers (one or a bulk selection); leaving ACTIVE cuts live sessions off.
import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/services/audit/record-audit";
import { requestCustomerDisconnect } from "@/lib/services/sessions/request-customer-disconnect";
import { customerStatuses } from "./customer-fields";
import { recordCustomerAudits } from "./record-customer-audits";
import { uuidField } from "@/lib/ids";

export const customerIdsField = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
  z.array(uuidField("Invalid customer id")).min(1, "Select at least one customer").max(500, "At most 500 customers per request"),
);

export const setCustomersStatusSchema = z.object({ ids: customerIdsField, status: z.enum(customerStatuses) });
export type SetCustomersStatusInput = z.output<typeof setCustomersStatusSchema>;

export interface BulkResult {
  updated: number;
  skipped: number;
}

export async function setCustomersStatus(db: Database, input: SetCustomersStatusInput & { tenantId: string }, actor: Actor): Promise<BulkResult> {
  const { ids, status } = input;
  const unique = [...new Set(ids)];
  const rows = await db
    .update(customers)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(customers.tenantId, input.tenantId), inArray(customers.id, unique), ne(customers.status, status)))
    .returning({ id: customers.id, online: customers.online });
  if (unique.length === 1 && rows.length === 0) {
    const [exists] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, unique[0])));
    if (!exists) throw notFound("Customer");
  }
  await recordCustomerAudits(db, {
    tenantId: input.tenantId,
    actor,
    action: status === "SUSPENDED" ? "customer.suspend" : status === "ACTIVE" ? "customer.resume" : `customer.status.${status.toLowerCase()}`,
    entries: rows.map((r) => ({ id: r.id, after: { status } })),
  });
  if (status !== "ACTIVE") {
    for (const r of rows) {
      await requestCustomerDisconnect(db, { tenantId: input.tenantId, customerId: r.id, reason: `status ${status}`, whenStatusIn: [status] });
    }
  }
  return { updated: rows.length, skipped: unique.length - rows.length };
}
