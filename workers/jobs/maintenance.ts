// Housekeeping jobs: history partitions (retention) and expired short-lived rows.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { JOBS } from "@/lib/jobs/names";
import { purgeExpiredRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import type { JobDefinition } from "./service";

const RETENTION_MONTHS: Record<string, number> = { session_history: 24, radius_log: 3, nas_metrics: 6 };

export function maintenanceJobs(db: Db): JobDefinition[] {
  return [
    {
      name: JOBS.maintainPartitions,
      cron: "17 3 * * *",
      handler: async () => {
        const out: Record<string, { created: number; dropped: number }> = {};
        for (const [table, keep] of Object.entries(RETENTION_MONTHS)) {
          const [c] = await db.execute<{ n: number }>(sql`select isp_ensure_partitions(${table}, 0, 3) as n`);
          const [d] = await db.execute<{ n: number }>(sql`select isp_drop_old_partitions(${table}, ${keep}) as n`);
          out[table] = { created: c.n, dropped: d.n };
        }
        return out;
      },
    },
    {
      name: JOBS.purgeExpired,
      cron: "*/10 * * * *",
      handler: async () => ({ rateLimits: await purgeExpiredRateLimits(db) }),
    },
  ];
}
