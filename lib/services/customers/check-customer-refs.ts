// Checks that a customer's package and IP pool are the tenant's own (a foreign key alone would accept
// another tenant's id), that the package fits the connection type and is still offered.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { ipPools, packages } from "@/lib/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";

export interface CustomerRefs {
  type: string;
  packageId?: string | null;
  ipPoolId?: string | null;
  /** The package the customer had before an update: a retired one may be kept. */
  currentPackageId?: string | null;
}

export type CheckedPackage = { id: string; name: string; type: string; validityValue: number; validityUnit: "MINUTES" | "HOURS" | "DAYS" | "MONTHS"; retiredAt: Date | null } | null;

export async function checkCustomerRefs(db: Database, tenantId: string, refs: CustomerRefs): Promise<CheckedPackage> {
  const errors: FieldErrors = {};
  let pkg: CheckedPackage = null;
  if (refs.packageId) {
    const [p] = await db
      .select({ id: packages.id, name: packages.name, type: packages.type, validityValue: packages.validityValue, validityUnit: packages.validityUnit, retiredAt: packages.retiredAt })
      .from(packages)
      .where(and(eq(packages.tenantId, tenantId), eq(packages.id, refs.packageId)))
      .limit(1);
    if (!p) errors.packageId = ["Choose a package from the list"];
    else if (p.type !== refs.type) errors.packageId = [`“${p.name}” is a ${p.type} package; choose a ${refs.type} package`];
    else if (p.retiredAt && p.id !== refs.currentPackageId) errors.packageId = [`“${p.name}” is retired; choose a current package`];
    pkg = p ?? null;
  }
  if (refs.ipPoolId) {
    const [pool] = await db
      .select({ id: ipPools.id })
      .from(ipPools)
      .where(and(eq(ipPools.tenantId, tenantId), eq(ipPools.id, refs.ipPoolId)))
      .limit(1);
    if (!pool) errors.ipPoolId = ["Choose an IP pool from the list"];
  }
  if (Object.keys(errors).length) throw new AppError("INVALID_INPUT", "Some fields need your attention", { fieldErrors: errors });
  return pkg;
}
