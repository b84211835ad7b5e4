// The tenant's own profile, for the settings page.
import { eq } from "drizzle-orm";
import { tenants, type Tenant } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export async function getTenant(db: Database, input: { tenantId: string }): Promise<Tenant> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, input.tenantId));
  if (!row) throw notFound("Tenant");
  return row;
}
