// The safety net behind quota enforcement: customers whose quota is used up (quota_exceeded_at) but
// whose enforcement never ran (a job that failed for good, a queue that was down) get the job again.
// Customers with a job still queued are left alone; those with no live session are simply marked (RADIUS
// applies the quota at their next login).
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { enforceQuotaJob } from "@/lib/jobs/catalog";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { PGBOSS_SCHEMA } from "@/lib/jobs/queue";

export interface SweepUnenforcedQuotasResult {
  enqueued: number;
  markedWithoutSessions: number;
}

/** Runs on the trusted pool (the worker): it reads every tenant's customers and the job queue. */
export async function sweepUnenforcedQuotas(db: Db, opts: { graceSeconds?: number; limit?: number } = {}): Promise<SweepUnenforcedQuotasResult> {
  const grace = opts.graceSeconds ?? 120;
  const limit = opts.limit ?? 500;
  return db.transaction(async (tx) => {
    const due = await tx.execute<{ id: string; tenant_id: string; live: boolean }>(sql`
      select c.id, c.tenant_id,
             exists (select 1 from sessions s where s.tenant_id = c.tenant_id and s.customer_id = c.id) as live
        from customers c
       where c.quota_exceeded_at is not null
         and c.quota_exceeded_at < now() - make_interval(secs => ${grace})
         and (c.quota_enforced_at is null or c.quota_enforced_at < c.quota_exceeded_at)
         and not exists (
           select 1 from ${sql.raw(PGBOSS_SCHEMA)}.job j
            where j.name = ${enforceQuotaJob.name} and j.state < 'completed' and j.data->>'customerId' = c.id::text)
       order by c.quota_exceeded_at
       limit ${limit}
       for update of c skip locked`);
    const result: SweepUnenforcedQuotasResult = { enqueued: 0, markedWithoutSessions: 0 };
    const idle = due.filter((r) => !r.live).map((r) => r.id);
    if (idle.length) {
      await tx.update(customers).set({ quotaEnforcedAt: new Date() }).where(inArray(customers.id, idle));
      result.markedWithoutSessions = idle.length;
    }
    for (const r of due.filter((d) => d.live)) {
      await enqueueJob(tx, enforceQuotaJob, { tenantId: r.tenant_id, customerId: r.id });
      result.enqueued++;
    }
    return result;
  });
}
