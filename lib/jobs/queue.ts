// The job queue's storage (pg-boss's schema and one queue per definition) and the grants that let a
// tenant transaction enqueue into it. Installed with the migrations; re-installed on demand when a send
// finds it missing, so one failed attempt (the database was down at start) heals by itself.
import PgBoss from "pg-boss";
import postgres from "postgres";
import { childLogger } from "@/lib/logger";
import { ALL_JOBS } from "./catalog";
import type { JobDefinition } from "./define-job";

export const PGBOSS_SCHEMA = "pgboss";
/** NOTIFY channel that wakes the worker's job runner at once (payload: the queue name) instead of its next poll. */
export const JOBS_CHANNEL = "isp_jobs";

const log = childLogger("jobs");

/** pg-boss's Db interface over one postgres.js handle (a pool, a connection or a transaction). */
export function pgBossDb(sql: postgres.Sql | postgres.TransactionSql): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: await sql.unsafe(text, (values ?? []).map(toParam) as never[]) }) };
}

/** pg-boss passes payloads as objects and unset options as undefined (node-postgres's habits); postgres.js wants JSON text and null. */
export function toParam(v: unknown): unknown {
  if (v === undefined) return null;
  return v !== null && typeof v === "object" && !(v instanceof Date) && !Buffer.isBuffer(v) ? JSON.stringify(v) : v;
}

export function queueOptions(def: JobDefinition): PgBoss.Queue {
  const { retryLimit, retryDelay, retryBackoff, expireInSeconds } = def.queue;
  return {
    name: def.name,
    // A schedule never runs twice at once across worker copies; commands run side by side.
    policy: def.cron ? "singleton" : "standard",
    retryLimit,
    retryBackoff: retryBackoff ?? false,
    // pg-boss refuses keys set to undefined.
    ...(retryDelay !== undefined ? { retryDelay } : {}),
    ...(expireInSeconds !== undefined ? { expireInSeconds } : {}),
  };
}

/**
 * Creates or upgrades pg-boss's schema, one queue per job definition (policies kept current), and lets
 * the tenant role insert jobs (and read back their ids) but read nothing else of the queue's contents.
 */
export async function installJobQueues(sql: postgres.Sql, jobs: readonly JobDefinition[] = ALL_JOBS): Promise<void> {
  const boss = new PgBoss({ db: pgBossDb(sql), schema: PGBOSS_SCHEMA, supervise: false, schedule: false, migrate: true });
  boss.on("error", () => undefined);
  await boss.start();
  for (const def of jobs) {
    await boss.createQueue(def.name, queueOptions(def));
    await boss.updateQueue(def.name, queueOptions(def));
  }
  await sql.unsafe(`
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'isp_tenant') THEN
        GRANT USAGE ON SCHEMA ${PGBOSS_SCHEMA} TO isp_tenant;
        GRANT SELECT (name, policy, retry_limit, retry_delay, retry_backoff, expire_seconds, retention_minutes, dead_letter) ON ${PGBOSS_SCHEMA}.queue TO isp_tenant;
        GRANT INSERT ON ${PGBOSS_SCHEMA}.job TO isp_tenant;
        GRANT SELECT (id) ON ${PGBOSS_SCHEMA}.job TO isp_tenant;
      END IF;
    END $$`);
}

const holder = globalThis as unknown as { __ispJobQueueInstall?: Promise<void> };

/**
 * Installs the queues once per process. A failed attempt is forgotten (not cached), so the next call
 * tries again instead of failing every later job until a restart.
 */
export function ensureJobQueues(url: string, install: (sql: postgres.Sql) => Promise<void> = installJobQueues): Promise<void> {
  holder.__ispJobQueueInstall ??= (async () => {
    const sql = postgres(url, { max: 1, onnotice: () => undefined, connect_timeout: 10 });
    try {
      await install(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  })().catch((e: Error) => {
    holder.__ispJobQueueInstall = undefined;
    log.error({ err: e.message }, "could not install the job queues; the next job sent tries again");
    throw e;
  });
  return holder.__ispJobQueueInstall;
}

/** Forgets a successful install (a test that dropped the schema, or after a restore). */
export function forgetJobQueues(): void {
  holder.__ispJobQueueInstall = undefined;
}
