// The platform operator's list of every tenant with its size: customers, routers, active sessions and
// staff. Cross-tenant by design: only lib/services/platform queries across tenants.
import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { tenants, tenantStatus } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { zOptionalText } from "@/lib/services/zod-helpers";
import { containsPattern } from "@/lib/db/like";

export const findPlatformTenantsSchema = z.object({
  q: zOptionalText(120),
  status: z.enum(tenantStatus.enumValues).optional().catch(undefined),
});

export type FindPlatformTenantsInput = z.output<typeof findPlatformTenantsSchema>;

export async function findPlatformTenants(db: Database, input: FindPlatformTenantsInput = {}) {
  const where: (SQL | undefined)[] = [];
  if (input.q) where.push(or(ilike(tenants.name, containsPattern(input.q)), ilike(tenants.slug, containsPattern(input.q))));
  if (input.status) where.push(eq(tenants.status, input.status));
  return db
    .select({
      id: tenants.id,
      name: tenants.name,
      slug: tenants.slug,
      status: tenants.status,
      country: tenants.country,
      currency: tenants.currency,
      timezone: tenants.timezone,
      trialEndsAt: tenants.trialEndsAt,
      suspendedReason: tenants.suspendedReason,
      suspensionMode: tenants.suspensionMode,
      createdAt: tenants.createdAt,
      customers: sql<number>`(select count(*)::int from customers c where c.tenant_id = "tenants"."id")`,
      routers: sql<number>`(select count(*)::int from nas n where n.tenant_id = "tenants"."id")`,
      activeSessions: sql<number>`(select count(*)::int from sessions s where s.tenant_id = "tenants"."id")`,
      staff: sql<number>`(select count(*)::int from users u where u.tenant_id = "tenants"."id" and u.active)`,
    })
    .from(tenants)
    .where(and(...where))
    .orderBy(asc(tenants.name))
    .limit(1000);
}
