// Clears a customer's MAC binding so the next device they connect with is bound instead.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { isUuid } from "@/lib/ids";

export async function resetCustomerMac(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ id: string; previousMac: string | null }> {
  if (!isUuid(input.id)) throw notFound("Customer");
  const where = and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.id));
  const [before] = await db.select({ id: customers.id, macAddress: customers.macAddress }).from(customers).where(where).limit(1).for("update");
  if (!before) throw notFound("Customer");
  await db.update(customers).set({ macAddress: null, updatedAt: new Date() }).where(where);
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "customer.mac.reset", targetType: "customer", targetId: before.id, before: { macAddress: before.macAddress }, after: { macAddress: null } });
  return { id: before.id, previousMac: before.macAddress };
}
