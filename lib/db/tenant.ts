// Runs work as one tenant: a transaction in which the queries run as the row-level-security-bound
// role isp_tenant with app.tenant_id set, so even a query that forgot its tenant WHERE sees nothing
// of another tenant. Web edges wrap every service call in it; services still scope every query.
import { sql } from "drizzle-orm";
import type { Database, Tx } from "./client";
import { isUuid } from "@/lib/ids";

export async function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(tenantId)) throw new Error("withTenant: tenantId must be a UUID");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'isp_tenant', true)`);
    return fn(tx);
  });
}
