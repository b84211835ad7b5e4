// One package of the tenant with its router list; another tenant's id is NOT_FOUND.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { packageRouters, packages } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { toPackageView, type PackageView } from "./package-fields";
import { isUuid } from "@/lib/ids";

export async function getPackage(db: Database, input: { tenantId: string; id: string }): Promise<PackageView> {
  if (!isUuid(input.id)) throw notFound("Package");
  const [row] = await db
    .select()
    .from(packages)
    .where(and(eq(packages.tenantId, input.tenantId), eq(packages.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Package");
  const routers = await db
    .select({ routerId: packageRouters.routerId })
    .from(packageRouters)
    .where(and(eq(packageRouters.tenantId, input.tenantId), eq(packageRouters.packageId, row.id)));
  return toPackageView(
    row,
    routers.map((r) => r.routerId),
  );
}
