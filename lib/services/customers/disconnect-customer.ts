// Staff "disconnect now": asks the worker to send Disconnect-Requests for the customer's live sessions.
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { requestCustomerDisconnect } from "@/lib/services/sessions/request-customer-disconnect";
import { isUuid } from "@/lib/ids";

export async function disconnectCustomer(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ openSessions: number }> {
  if (!isUuid(input.id)) throw notFound("Customer");
  const r = await requestCustomerDisconnect(db, { tenantId: input.tenantId, customerId: input.id, reason: "staff disconnect" });
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "customer.disconnect", targetType: "customer", targetId: input.id, after: { openSessions: r.openSessions } });
  return { openSessions: r.openSessions };
}
