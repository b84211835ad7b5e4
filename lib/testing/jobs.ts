// Tests read what was enqueued straight from the job queue's table (jobs are rows written in the
// sender's transaction), and can clear it between cases.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export type QueuedJob = {
  id: string;
  name: string;
  data: Record<string, unknown>;
  state: string;
};

export async function queuedJobs(db: Db, name?: string): Promise<QueuedJob[]> {
  return db.execute<QueuedJob>(sql`
    select id, name, data, state::text as state from pgboss.job
     where name not like '\\_\\_%' ${name ? sql`and name = ${name}` : sql``}
     order by created_on, id`);
}

export async function clearJobs(db: Db): Promise<void> {
  await db.execute(sql`delete from pgboss.job`);
}
