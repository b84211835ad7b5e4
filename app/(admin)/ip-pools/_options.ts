// The router and package choices of the pool form, read through their own services.
import type { Database } from "@/lib/db/client";
import { findNas } from "@/lib/services/nas/find-nas";
import { findPackages, findPackagesSchema } from "@/lib/services/packages/find-packages";

export async function poolFormOptions(tx: Database, tenantId: string) {
  const [routers, packages] = await Promise.all([findNas(tx, { tenantId, page: 1, pageSize: 200 }), findPackages(tx, { ...findPackagesSchema.parse({ pageSize: 500 }), tenantId })]);
  return { routers: routers.rows.map((r) => ({ id: r.id, name: r.name })), packages: packages.rows.map((p) => ({ id: p.id, name: p.name })) };
}
