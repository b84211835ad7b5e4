// Waits for a command job's result after the transaction that sent it has committed. It takes the pool
// (a transaction cannot be passed: the job is invisible until its commit, and a held connection would
// starve the pool), holds a connection only for each short read, and stops at a timer-based deadline
// even when those reads are queued behind a full pool.
import type { Db } from "@/lib/db/client";
import { DeadlineExceeded, sleep, withDeadline } from "@/lib/deadline";
import { PGBOSS_SCHEMA } from "./queue";

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed" | "pending";

export interface JobResult<R> {
  jobId: string;
  /** "pending": the deadline came first (the job goes on; its result lands where it writes it). */
  state: JobState;
  output?: R;
  error?: string;
}

const POLL_MS = 200;

export async function awaitJobResult<R>(pool: Db, jobId: string, timeoutMs: number): Promise<JobResult<R>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return { jobId, state: "pending" };
    const query = pool.$client.unsafe<{ state: string; output: unknown }[]>(`select state::text as state, output from ${PGBOSS_SCHEMA}.job where id = $1::uuid`, [jobId]);
    let rows: { state: string; output: unknown }[];
    try {
      // A read still queued for a connection at the deadline is taken off the queue.
      rows = await withDeadline(query, left, "reading the job's state", () => void Promise.resolve(query.cancel()).catch(() => undefined));
    } catch (e) {
      if (e instanceof DeadlineExceeded) return { jobId, state: "pending" };
      throw e;
    }
    const row = rows[0];
    if (row?.state === "completed") return { jobId, state: "completed", output: row.output as R };
    if (row && (row.state === "failed" || row.state === "cancelled")) {
      const out = row.output as { message?: string } | null;
      return { jobId, state: row.state, error: out?.message ?? "The worker could not finish this command" };
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
}
