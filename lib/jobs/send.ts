// Sends a job from anywhere (web or worker) without running a pg-boss worker: one INSERT through
// pg-boss's own API on a shared, lazily started instance.
import PgBoss from "pg-boss";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

const globalForBoss = globalThis as unknown as { __ispBossSender?: Promise<PgBoss> };

export const PGBOSS_SCHEMA = "pgboss";
/** NOTIFY channel that wakes the worker's job runner at once (payload: the queue name) instead of its next poll. */
export const JOBS_CHANNEL = "isp_jobs";
const WAKE_SQL = "select pg_notify($1, $2)";

function sender(url: string): Promise<PgBoss> {
  globalForBoss.__ispBossSender ??= (async () => {
    const boss = new PgBoss({ connectionString: url, schema: PGBOSS_SCHEMA, max: 2, supervise: false, schedule: false, migrate: true });
    boss.on("error", () => undefined);
    await boss.start();
    return boss;
  })();
  return globalForBoss.__ispBossSender;
}

/**
 * Queues a job and wakes the worker's runner for it (disconnects and quota actions should not wait for a
 * poll). `wake: false` when the caller wakes it itself with wakeJobRunner inside its own transaction, so
 * the runner starts only once that transaction has committed.
 */
export async function sendJob(url: string, name: string, data: object, options: PgBoss.SendOptions = {}, { wake = true } = {}): Promise<string | null> {
  const boss = await sender(url);
  await boss.createQueue(name).catch(() => undefined);
  const id = await boss.send(name, data, options);
  if (id && wake && !options.startAfter) await boss.getDb().executeSql(WAKE_SQL, [JOBS_CHANNEL, name]);
  return id;
}

/** Wakes the runner for `name` when `db`'s transaction commits (at once outside a transaction). */
export async function wakeJobRunner(db: Database, name: string): Promise<void> {
  await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${name})`);
}
