// Replaces the routers a package is limited to; every router must be one of the tenant's.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { routers, packageRouters } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export async function savePackageRouters(db: Database, input: { tenantId: string; packageId: string; allRouters: boolean; routerIds: string[] }): Promise<string[]> {
  await db.delete(packageRouters).where(and(eq(packageRouters.tenantId, input.tenantId), eq(packageRouters.packageId, input.packageId)));
  if (input.allRouters) return [];
  const ids = [...new Set(input.routerIds)];
  const found = await db
    .select({ id: routers.id })
    .from(routers)
    .where(and(eq(routers.tenantId, input.tenantId), inArray(routers.id, ids)));
  if (found.length !== ids.length) {
    throw new AppError("INVALID_INPUT", "Some of the chosen routers do not exist", { fieldErrors: { routerIds: ["Choose routers from the list"] } });
  }
  await db.insert(packageRouters).values(ids.map((routerId) => ({ tenantId: input.tenantId, packageId: input.packageId, routerId })));
  return ids;
}
