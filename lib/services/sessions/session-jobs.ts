// What session-control jobs report back (pg-boss stores the worker's return value as the job's output)
// and how the web waits for it after its transaction has committed.
import type { Db } from "@/lib/db/client";
import { awaitJobResult, type JobState } from "@/lib/jobs/await-job";

export type { ChangeSessionRatePayload as ChangeSessionRateJob, DisconnectSessionsPayload as DisconnectSessionsJob, EnforceQuotaPayload as EnforceQuotaJob } from "@/lib/jobs/catalog";

export type SessionOutcome = "ACK" | "NAK" | "TIMEOUT" | "ERROR";

export interface SessionCommandResult {
  sessionId: string;
  username: string;
  nasId: string;
  outcome: SessionOutcome;
  /** Error-Cause name from the router, when it sent one. */
  errorCause?: string;
  /** The session was moved to history (ACK, or the router no longer knew it). */
  closed: boolean;
  message?: string;
}

export interface SessionCommandReport {
  results: SessionCommandResult[];
  /** What quota enforcement decided, when it ran. */
  action?: "THROTTLE" | "DISCONNECT" | "NONE";
  rateLimit?: string;
  /** Why nothing was sent (the customer's status changed before the job ran). */
  skipped?: string;
}

export type SessionJobState = JobState;

export interface SessionJobStatus {
  jobId: string;
  state: SessionJobState;
  report?: SessionCommandReport;
  error?: string;
}

/** Waits until the worker finished a command job or the deadline fires (then state "pending"). */
export async function awaitSessionJob(pool: Db, jobId: string, timeoutMs = 8000): Promise<SessionJobStatus> {
  const r = await awaitJobResult<SessionCommandReport>(pool, jobId, timeoutMs);
  return { jobId, state: r.state, report: r.output, error: r.error };
}
