// The choices the customer forms, filters and bulk actions offer: packages still offered (plus the
// one a customer already has) and the tenant's IP pools.
import { asc, eq, and, isNull, or } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { ipPools, packages } from "@/lib/db/schema";

export async function findCustomerOptions(db: Database, input: { tenantId: string; includePackageId?: string | null }) {
  const pkgWhere = input.includePackageId
    ? and(eq(packages.tenantId, input.tenantId), or(isNull(packages.retiredAt), eq(packages.id, input.includePackageId)))
    : and(eq(packages.tenantId, input.tenantId), isNull(packages.retiredAt));
  const [pkgs, pools] = await Promise.all([
    db
      .select({ id: packages.id, name: packages.name, type: packages.type, price: packages.price, validityValue: packages.validityValue, validityUnit: packages.validityUnit, retiredAt: packages.retiredAt })
      .from(packages)
      .where(pkgWhere)
      .orderBy(asc(packages.name))
      .limit(1000),
    db.select({ id: ipPools.id, name: ipPools.name }).from(ipPools).where(eq(ipPools.tenantId, input.tenantId)).orderBy(asc(ipPools.name)).limit(1000),
  ]);
  return { packages: pkgs, pools };
}
