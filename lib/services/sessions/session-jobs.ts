// How session services hand commands to the worker: a pg-boss job sent on its own connection (the
// caller's transaction may run as the RLS-bound role, which cannot touch the pg-boss schema).
// Tests swap the sender so services can be exercised without a job runner.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { sendJob } from "@/lib/jobs/send";
import { env } from "@/lib/env";
import type { JobName } from "@/lib/jobs/names";

export interface SessionJobOptions {
  singletonKey?: string;
  retryLimit?: number;
  retryDelay?: number;
  /** false: the caller NOTIFYs the runner itself, inside its transaction (see sendJob). */
  wake?: boolean;
}
export type SessionJobSender = (name: JobName, data: object, options?: SessionJobOptions) => Promise<string | null>;

/** What the JOBS.disconnectSessions job carries. Exactly one selector is used, in this order. */
export interface DisconnectSessionsJob {
  tenantId: string;
  sessionIds?: string[];
  customerId?: string;
  nasId?: string;
  reason?: string;
  /** Who asked, for the RADIUS log ("staff:<userId>", "system:expiry", …). */
  requestedBy?: string;
  /**
   * Sent from inside the transaction that changes the customer's status: act only once that status is
   * committed (until then the job fails and is retried a second later; a change rolled back never acts).
   * Without it, a router re-dialling at once could be let in again by the not-yet-committed ACTIVE row.
   */
  whenStatusIn?: string[];
  /** Sent from inside a platform suspension with refusal: act only once it is committed (as whenStatusIn). */
  whenTenantRefused?: boolean;
}

/** The job failed because the change that asked for it is not committed (yet); pg-boss retries it. */
export class UncommittedChangeError extends Error {}

export interface ChangeSessionRateJob {
  tenantId: string;
  customerId: string;
  rateLimit: string;
  requestedBy?: string;
}

export interface EnforceQuotaJob {
  tenantId: string;
  customerId: string;
  sessionIds?: string[];
}

export type SessionOutcome = "ACK" | "NAK" | "TIMEOUT" | "ERROR";

export interface SessionCommandResult {
  sessionId: string;
  username: string;
  nasId: string;
  outcome: SessionOutcome;
  /** Error-Cause name from the NAS, when it sent one. */
  errorCause?: string;
  /** The session was moved to history (ACK, or the NAS no longer knew it). */
  closed: boolean;
  message?: string;
}

export interface SessionCommandReport {
  results: SessionCommandResult[];
  /** What quota enforcement decided, when it ran. */
  action?: "THROTTLE" | "DISCONNECT" | "NONE";
  rateLimit?: string;
}

const defaultSender: SessionJobSender = (name, data, { wake, ...options } = {}) => sendJob(env().databaseUrl, name, data, options, { wake });

const holder = globalThis as unknown as { __ispSessionJobSender?: SessionJobSender };

/** Replaces the sender (tests, or a worker that already runs pg-boss). Returns the previous one. */
export function setSessionJobSender(sender: SessionJobSender | null): SessionJobSender {
  const previous = holder.__ispSessionJobSender ?? defaultSender;
  holder.__ispSessionJobSender = sender ?? undefined;
  return previous;
}

export function enqueueSessionJob(name: JobName, data: object, options?: SessionJobOptions) {
  return (holder.__ispSessionJobSender ?? defaultSender)(name, data, options);
}

export type SessionJobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed" | "pending";

export interface SessionJobStatus {
  jobId: string;
  state: SessionJobState;
  report?: SessionCommandReport;
  error?: string;
}

/**
 * Waits (polling pg-boss's job row) until the worker finished a command job or the time is up.
 * Takes the pool handle, not a tenant transaction: the RLS role has no access to the pg-boss schema.
 */
export async function awaitSessionJob(db: Database, jobId: string, timeoutMs = 8000): Promise<SessionJobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.execute<{ state: string; output: unknown }>(
      sql`select state::text as state, output from pgboss.job where id = ${jobId}::uuid`,
    );
    const row = rows[0];
    if (row && (row.state === "completed" || row.state === "failed" || row.state === "cancelled")) {
      if (row.state === "completed") return { jobId, state: "completed", report: row.output as SessionCommandReport };
      const out = row.output as { message?: string } | null;
      return { jobId, state: row.state, error: out?.message ?? "The worker could not finish this command" };
    }
    if (Date.now() >= deadline) return { jobId, state: "pending" };
    await new Promise((r) => setTimeout(r, 200));
  }
}
