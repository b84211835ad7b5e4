// History retention: next months' partitions are created ahead, monthly partitions past retention are
// dropped whole, and rows that landed in a DEFAULT partition (outside every monthly range) are deleted
// once they are older than the same retention, so the default partition cannot grow without bound.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/** Partitioned history tables, their partition column and months kept. */
export const HISTORY_RETENTION = {
  session_history: { column: "stopped_at", months: 24 },
  radius_log: { column: "created_at", months: 3 },
  nas_metrics: { column: "recorded_at", months: 6 },
} as const;

const DEFAULT_BATCH = 10_000;

export type MaintainPartitionsResult = Record<string, { created: number; dropped: number; defaultRowsDeleted: number }>;

export async function maintainPartitions(db: Database, opts: { batch?: number } = {}): Promise<MaintainPartitionsResult> {
  const out: MaintainPartitionsResult = {};
  const batch = opts.batch ?? DEFAULT_BATCH;
  for (const [table, { column, months }] of Object.entries(HISTORY_RETENTION)) {
    const [c] = await db.execute<{ n: number }>(sql`select isp_ensure_partitions(${table}, 0, 3) as n`);
    const [d] = await db.execute<{ n: number }>(sql`select isp_drop_old_partitions(${table}, ${months}) as n`);
    let defaultRowsDeleted = 0;
    // In batches, so one huge backlog does not hold a long lock.
    for (;;) {
      const rows = await db.execute(sql`
        delete from ${sql.identifier(`${table}_default`)} where ctid in (
          select ctid from ${sql.identifier(`${table}_default`)}
           where ${sql.identifier(column)} < date_trunc('month', now()) - make_interval(months => ${months})
           limit ${batch})
        returning 1`);
      defaultRowsDeleted += rows.length;
      if (rows.length < batch) break;
    }
    out[table] = { created: c.n, dropped: d.n, defaultRowsDeleted };
  }
  return out;
}
