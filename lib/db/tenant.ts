// Runs work as one tenant: a transaction on the handle's tenant pool, whose login role is a member of
// isp_tenant only, with app.tenant_id set, so row-level security hides every other tenant's rows even
// from a query that forgot its tenant WHERE, and RESET ROLE / SET ROLE inside it gets nothing more
// (the session itself is the tenant role). Web edges wrap every service call in it; services still
// scope every query.
import { sql } from "drizzle-orm";
import { AfterCommit } from "./after-commit";
import type { Db, Tx } from "./client";
import { isUuid } from "@/lib/ids";

/** `fn` may return afterCommit(work): the transaction commits first, then `work` runs (outside it). */
export async function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T | AfterCommit<T>>): Promise<T> {
  if (!isUuid(tenantId)) throw new Error("withTenant: tenantId must be a UUID");
  const tenantDb = db.$tenant;
  if (!tenantDb) throw new Error("withTenant: this database handle has no tenant login (createDb's tenantUrl)");
  // Always a top-level transaction on the tenant pool, so an afterCommit wait runs after a real commit.
  const result = await tenantDb.transaction(async (tx) => {
    const [bound] = await tx.execute<{ trusted: boolean }>(
      sql`select set_config('app.tenant_id', ${tenantId}, true), pg_has_role('isp_trusted', 'MEMBER') as trusted`,
    );
    // Fail closed if the tenant pool was pointed at a role that sees every tenant.
    if (bound.trusted) throw new Error("withTenant: the tenant login role can reach isp_trusted");
    return fn(tx);
  });
  return result instanceof AfterCommit ? result.run() : result;
}
