// Runs work as one tenant: a transaction in which the queries run as the row-level-security-bound
// role isp_tenant with app.tenant_id set, so even a query that forgot its tenant WHERE sees nothing
// of another tenant. Web edges wrap every service call in it; services still scope every query.
import { sql } from "drizzle-orm";
import { AfterCommit } from "./after-commit";
import type { Database, Tx } from "./client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `fn` may return afterCommit(work): the transaction commits first, then `work` runs (outside it). */
export async function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T | AfterCommit<T>>): Promise<T> {
  if (!UUID.test(tenantId)) throw new Error("withTenant: tenantId must be a UUID");
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'isp_tenant', true)`);
    const r = await fn(tx);
    // Nested in an outer transaction nothing commits here: waiting after it would wait for ourselves.
    if (r instanceof AfterCommit && "rollback" in db) throw new Error("withTenant: afterCommit needs a top-level transaction");
    return r;
  });
  return result instanceof AfterCommit ? result.run() : result;
}
