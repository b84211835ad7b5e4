// What the web answers after asking the worker for session commands (a disconnect, or one speed change per
// customer of a package change): every job is awaited at once, under one deadline, and the per-session
// outcomes are merged. "pending" when any job did not finish in time (its result lands in the RADIUS log).
// Called after the request's transaction committed (afterCommit), on the pool.
import type { Db } from "@/lib/db/client";
import { mergeCommandOutcomes } from "./merge-command-outcomes";
import { awaitSessionJob, type SessionCommandResult, type SessionJobState } from "./session-jobs";

export interface SessionCommandRequest {
  jobId: string | null;
  openSessions: number;
}

export interface SessionCommandOutcome {
  /** The first job's id (the only one for a disconnect); null when nothing was sent. */
  jobId: string | null;
  openSessions: number;
  state: SessionJobState | "nothing-to-do";
  results: SessionCommandResult[];
  error?: string;
}

/** `pool` is the pool handle (a transaction cannot be passed); the wait ends at `waitMs` whatever happens. */
export async function sessionCommandsOutcome(pool: Db, requests: SessionCommandRequest[], waitMs = 8000): Promise<SessionCommandOutcome> {
  const sent = requests.filter((r): r is { jobId: string; openSessions: number } => r.jobId !== null);
  const openSessions = requests.reduce((n, r) => n + r.openSessions, 0);
  if (sent.length === 0) return { jobId: null, openSessions, state: "nothing-to-do", results: [] };
  const statuses = await Promise.all(sent.map((r) => awaitSessionJob(pool, r.jobId, waitMs)));
  const merged = statuses
    .map((s, i): SessionCommandOutcome => ({ jobId: sent[i].jobId, openSessions: 0, state: s.state, results: s.report?.results ?? [], error: s.error }))
    .reduce((acc, o) => mergeCommandOutcomes(acc, o));
  return { ...merged, openSessions };
}
