// Deletes a customer; live sessions are cut off first, payments keep their rows (customer set null).
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, ipAssignments } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { requestCustomerDisconnect } from "@/lib/services/sessions/request-customer-disconnect";
import { toCustomerView } from "./customer-fields";
import { isUuid } from "@/lib/ids";

export async function deleteCustomer(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ id: string }> {
  if (!isUuid(input.id)) throw notFound("Customer");
  // Asks for the disconnect before the row goes, while the sessions can still be found by customer.
  await requestCustomerDisconnect(db, { tenantId: input.tenantId, customerId: input.id, reason: "customer deleted" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(customers)
      .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.id)))
      .returning();
    if (!row) throw notFound("Customer");
    await tx.delete(ipAssignments).where(and(eq(ipAssignments.tenantId, input.tenantId), eq(ipAssignments.customerId, row.id)));
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "customer.delete", targetType: "customer", targetId: row.id, before: toCustomerView(row) });
    return { id: row.id };
  });
}
