// Closes sessions we have not heard about for too long (router rebooted without Accounting-On, lost
// Stop): terminate cause "Stale", stop time = last update. Per-tenant threshold in the settings table.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { closeSessions } from "./close-sessions";

export const STALE_AFTER_SETTING = "sessions.stale_after_seconds";
/** 3 × the 5-minute interim interval we hand out. */
export const DEFAULT_STALE_AFTER_SECONDS = 900;
const BATCH = 2000;

export interface CloseStaleSessionsInput {
  /** One tenant (the web's "sync now"); all tenants when omitted (the worker's schedule). */
  tenantId?: string;
}

export interface CloseStaleSessionsResult {
  closed: number;
  customers: number;
}

export async function closeStaleSessions(db: Database, input: CloseStaleSessionsInput = {}): Promise<CloseStaleSessionsResult> {
  let closed = 0;
  const customers = new Set<string>();
  for (;;) {
    const rows = await db.execute<{ id: string; tenant_id: string }>(sql`
      select s.id, s.tenant_id
      from sessions s
      left join settings st on st.tenant_id = s.tenant_id and st.key = ${STALE_AFTER_SETTING}
      where ${input.tenantId ? sql`s.tenant_id = ${input.tenantId}` : sql`true`}
        and s.updated_at < now() - make_interval(secs => greatest(60, coalesce(
          case when jsonb_typeof(st.value) = 'number' then (st.value::text)::numeric
               when jsonb_typeof(st.value) = 'string' and st.value #>> '{}' ~ '^[0-9]{1,9}$' then (st.value #>> '{}')::numeric
          end, ${DEFAULT_STALE_AFTER_SECONDS})))
      order by s.updated_at
      limit ${BATCH}`);
    if (rows.length === 0) break;
    const byTenant = new Map<string, string[]>();
    for (const r of rows) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.id]);
    for (const [tenantId, sessionIds] of byTenant) {
      const done = await closeSessions(db, { tenantId, sessionIds, terminateCause: "Stale", stoppedAt: "last-update" });
      closed += done.length;
      for (const c of done) if (c.customerId) customers.add(c.customerId);
    }
    if (rows.length < BATCH) break;
  }
  return { closed, customers: customers.size };
}
