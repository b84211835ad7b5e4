// The router and package choices of the pool form, read through their own services.
import type { Database } from "@/lib/db/client";
import { findRouters } from "@/lib/services/routers/find-routers";
import { findPackages, findPackagesSchema } from "@/lib/services/packages/find-packages";

export async function poolFormOptions(tx: Database, tenantId: string) {
  const [routers, packages] = await Promise.all([findRouters(tx, { tenantId, page: 1, pageSize: 200 }), findPackages(tx, { ...findPackagesSchema.parse({ pageSize: 500 }), tenantId })]);
  return { routers: routers.rows.map((r) => ({ id: r.id, name: r.name })), packages: packages.rows.map((p) => ({ id: p.id, name: p.name })) };
}
