// Housekeeping jobs: history partitions (retention, default partitions included) and expired short-lived
// rows (rate-limit windows, staff sessions, reset tokens, the mail outbox).
import type { Db } from "@/lib/db/client";
import { maintainPartitionsJob, purgeExpiredJob } from "@/lib/jobs/catalog";
import { maintainPartitions } from "@/lib/services/maintenance/maintain-partitions";
import { purgeExpiredRows } from "@/lib/services/maintenance/purge-expired-rows";
import { handle, type JobHandler } from "./service";

export function maintenanceJobs(db: Db): JobHandler[] {
  return [handle(maintainPartitionsJob, () => maintainPartitions(db)), handle(purgeExpiredJob, () => purgeExpiredRows(db))];
}
