// The tenant's currency (ISO code, which every amount in minor units is counted in) and time zone (in which
// calendar months and local days are counted).
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { tenants } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

export interface TenantLocale {
  currency: string;
  timeZone: string;
}

export async function getTenantLocale(db: Database, tenantId: string): Promise<TenantLocale> {
  const [row] = await db.select({ currency: tenants.currency, timeZone: tenants.timezone }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!row) throw notFound("Tenant");
  return row;
}
