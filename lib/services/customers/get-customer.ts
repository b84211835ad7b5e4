// One customer of the tenant with the package and pool names; another tenant's id is NOT_FOUND.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, ipPools, packages } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { toCustomerView, type CustomerView } from "./customer-fields";
import { isUuid } from "@/lib/ids";

export type CustomerDetail = CustomerView & {
  package: { id: string; name: string; price: number; dataQuotaBytes: bigint | null; sessionTimeLimitSeconds: number | null; validityValue: number; validityUnit: string } | null;
  ipPoolName: string | null;
};

export async function getCustomer(db: Database, input: { tenantId: string; id: string }): Promise<CustomerDetail> {
  if (!isUuid(input.id)) throw notFound("Customer");
  const [row] = await db
    .select({ c: customers, ipPoolName: ipPools.name })
    .from(customers)
    .leftJoin(ipPools, and(eq(ipPools.id, customers.ipPoolId), eq(ipPools.tenantId, input.tenantId)))
    .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Customer");
  let pkg: CustomerDetail["package"] = null;
  if (row.c.packageId) {
    const [p] = await db
      .select({
        id: packages.id,
        name: packages.name,
        price: packages.price,
        dataQuotaBytes: packages.dataQuotaBytes,
        sessionTimeLimitSeconds: packages.sessionTimeLimitSeconds,
        validityValue: packages.validityValue,
        validityUnit: packages.validityUnit,
      })
      .from(packages)
      .where(and(eq(packages.tenantId, input.tenantId), eq(packages.id, row.c.packageId)))
      .limit(1);
    pkg = p ?? null;
  }
  return { ...toCustomerView(row.c), package: pkg, ipPoolName: row.ipPoolName };
}
