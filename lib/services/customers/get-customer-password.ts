// Reveals a customer's PPPoE/hotspot password to staff allowed to see it; every reveal is audited.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { openSecret } from "@/lib/crypto";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { isUuid } from "@/lib/ids";

export async function getCustomerPassword(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ password: string | null }> {
  if (!isUuid(input.id)) throw notFound("Customer");
  const [row] = await db
    .select({ id: customers.id, username: customers.username, passwordSealed: customers.passwordSealed })
    .from(customers)
    .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Customer");
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "customer.password.view", targetType: "customer", targetId: row.id, after: { username: row.username } });
  return { password: row.passwordSealed ? openSecret("customer-password", row.passwordSealed) : null };
}
