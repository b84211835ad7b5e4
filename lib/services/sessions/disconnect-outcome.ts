// What the web answers after asking for a disconnect: the per-session outcomes when the worker finished
// within the wait, otherwise "pending" (the job still runs; its result lands in the RADIUS log). Called
// after the request's transaction committed (afterCommit), on the pool: the job is not visible before.
import type { Db } from "@/lib/db/client";
import { awaitSessionJob, type SessionCommandResult, type SessionJobState } from "./session-jobs";
import type { RequestSessionsDisconnectResult } from "./request-sessions-disconnect";

export interface DisconnectOutcome {
  jobId: string | null;
  openSessions: number;
  state: SessionJobState | "nothing-to-do";
  results: SessionCommandResult[];
  error?: string;
}

/** `pool` is the pool handle (a transaction cannot be passed); the wait ends at `waitMs` whatever happens. */
export async function disconnectOutcome(pool: Db, request: RequestSessionsDisconnectResult, waitMs = 8000): Promise<DisconnectOutcome> {
  if (!request.jobId) return { jobId: null, openSessions: request.openSessions, state: "nothing-to-do", results: [] };
  const status = await awaitSessionJob(pool, request.jobId, waitMs);
  return { jobId: request.jobId, openSessions: request.openSessions, state: status.state, results: status.report?.results ?? [], error: status.error };
}
