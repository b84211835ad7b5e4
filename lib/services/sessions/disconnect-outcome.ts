// What the web answers after asking for a disconnect: the per-session outcomes when the worker finished
// within the wait, otherwise "pending" (the job still runs; its result lands in the RADIUS log). Called
// after the request's transaction committed (afterCommit), on the pool: the job is not visible before.
import type { Db } from "@/lib/db/client";
import { sessionCommandsOutcome, type SessionCommandOutcome } from "./session-commands-outcome";
import type { RequestSessionsDisconnectResult } from "./request-sessions-disconnect";

export type DisconnectOutcome = SessionCommandOutcome;

/** `pool` is the pool handle (a transaction cannot be passed); the wait ends at `waitMs` whatever happens. */
export async function disconnectOutcome(pool: Db, request: RequestSessionsDisconnectResult, waitMs = 8000): Promise<DisconnectOutcome> {
  return sessionCommandsOutcome(pool, [request], waitMs);
}
