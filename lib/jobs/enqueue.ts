// Sends a job to the worker INSIDE the caller's transaction: the job row is written on the same
// connection, so a rollback sends nothing and a commit always sends it; the runner's NOTIFY wake-up is
// delivered at that commit too. The payload is checked against the job's definition before it is written.
import PgBoss from "pg-boss";
import { sql as dsql, type SQL } from "drizzle-orm";
import type postgres from "postgres";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { pgErrorCode } from "@/lib/services/db-errors";
import type { JobDefinition, JobInput } from "./define-job";
import { ensureJobQueues, forgetJobQueues, JOBS_CHANNEL, PGBOSS_SCHEMA, pgBossDb, toParam } from "./queue";

/** A Drizzle transaction or a postgres.js one (the accounting writer); never the pool. */
export type JobTransaction = Tx | postgres.TransactionSql;

export interface EnqueueOptions {
  /** Seconds from now, or a time: the job waits (and no wake-up is sent). */
  startAfter?: number | Date;
  singletonKey?: string;
}

// Never started and without a pool of its own: only its send() is used, always with the caller's connection.
const sender = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error("jobs are sent inside a transaction (enqueueJob)")) },
  schema: PGBOSS_SCHEMA,
  supervise: false,
  schedule: false,
  migrate: false,
});
sender.on("error", () => undefined);

function isPostgresJs(tx: JobTransaction): tx is postgres.TransactionSql {
  return typeof tx === "function";
}

/** pg-boss's $n text with its values as a Drizzle SQL object (a value used twice is bound twice). */
function drizzleSql(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    chunks.push(dsql.raw(text.slice(last, m.index)));
    chunks.push(dsql`${toParam(values[Number(m[1]) - 1]) ?? null}`);
    last = m.index! + m[0].length;
  }
  chunks.push(dsql.raw(text.slice(last)));
  return dsql.join(chunks);
}

export function jobDb(tx: JobTransaction): PgBoss.Db {
  if (isPostgresJs(tx)) return pgBossDb(tx);
  return { executeSql: async (text, values) => ({ rows: (await tx.execute(drizzleSql(text, values ?? []))) as unknown as unknown[] }) };
}

async function run<T>(tx: JobTransaction, text: string, values: unknown[]): Promise<T[]> {
  return (await jobDb(tx).executeSql(text, values)).rows as T[];
}

function queueNotReady(name: string, cause?: string): AppError {
  // Heal in the background: the next request finds the queue (this one is rolled back, nothing half-done).
  forgetJobQueues();
  ensureJobQueues(env().databaseUrl).catch(() => undefined);
  return new AppError("UNAVAILABLE", "The job queue is not ready yet; try again in a moment", { job: name, ...(cause ? { cause } : {}) });
}

/**
 * Enqueues `def` with `input` in transaction `tx`. Returns the job id, or null when a singletonKey
 * made it a duplicate of a job already queued.
 */
export async function enqueueJob<D extends JobDefinition>(tx: JobTransaction, def: D, input: JobInput<D>, options: EnqueueOptions = {}): Promise<string | null> {
  const payload = def.payload.parse(input) as object;
  const sendOptions: PgBoss.SendOptions = {
    db: jobDb(tx),
    retryLimit: def.queue.retryLimit,
    ...(def.queue.retryDelay !== undefined ? { retryDelay: def.queue.retryDelay } : {}),
    ...(def.queue.retryBackoff !== undefined ? { retryBackoff: def.queue.retryBackoff } : {}),
    ...(def.queue.expireInSeconds !== undefined ? { expireInSeconds: def.queue.expireInSeconds } : {}),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  } as PgBoss.SendOptions;
  let id: string | null;
  try {
    id = await sender.send(def.name, payload, sendOptions);
  } catch (e) {
    const code = pgErrorCode(e);
    // 42P01 undefined table, 3F000 undefined schema: the queue storage was never installed here.
    if (code === "42P01" || code === "3F000") throw queueNotReady(def.name, (e as Error).message);
    throw e;
  }
  if (!id) {
    const [queue] = await run<{ name: string }>(tx, `select name from ${PGBOSS_SCHEMA}.queue where name = $1`, [def.name]);
    if (!queue) throw queueNotReady(def.name);
    return null;
  }
  if (options.startAfter === undefined) await wakeJobRunner(tx, def.name);
  return id;
}

/** Wakes the runner for `name` when `tx` commits (never, if it rolls back). */
export async function wakeJobRunner(tx: JobTransaction, name: string): Promise<void> {
  await run(tx, "select pg_notify($1, $2)", [JOBS_CHANNEL, name]);
}
