// The worker's own pool, plus a watcher that knows whether PostgreSQL is reachable right now.
// When it is not, the worker keeps running, logs with backoff, and recovers when it returns. Starting does
// not wait for the database: migrations are retried in the background and `ready` settles once they are
// current, so RADIUS can answer from saved state while services that need the database wait for it.
import type { Logger } from "pino";
import { createDb, closeDb, type Db } from "@/lib/db/client";
import { runMigrations, migrationStatus } from "@/lib/db/migrate";
import { backoffMs, type Service } from "./service";

export interface DatabaseService extends Service {
  readonly db: Db;
  readonly healthy: boolean;
  readonly lastError: string | null;
  onChange(listener: (healthy: boolean) => void): void;
  /** Resolves once migrations are current and the database answered (never rejects; stays pending if stopped). */
  readonly ready: Promise<void>;
}

export function createDatabaseService(
  url: string,
  log: Logger,
  opts: { poolSize?: number; checkIntervalMs?: number; /** Longest wait between migration attempts (default 15 s). */ retryMaxMs?: number } = {},
): DatabaseService {
  const db = createDb(url, { max: opts.poolSize ?? 20, applicationName: "isp-worker" });
  let healthy = false;
  let lastError: string | null = "not checked yet";
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failures = 0;
  const listeners: ((healthy: boolean) => void)[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));

  const setHealthy = (value: boolean, error: string | null) => {
    lastError = error;
    if (value === healthy) return;
    healthy = value;
    if (value) log.info("database reachable");
    for (const l of listeners) l(value);
  };

  const check = async () => {
    try {
      await db.$client`select 1`;
      failures = 0;
      setHealthy(true, null);
    } catch (e) {
      failures++;
      const message = (e as Error).message;
      setHealthy(false, message);
      // Log the first failure and then less often, not once per check.
      if (failures === 1 || (failures & (failures - 1)) === 0) log.warn({ err: message, failures }, "database unreachable; retrying");
    }
    if (!stopped) timer = setTimeout(check, healthy ? (opts.checkIntervalMs ?? 5000) : backoffMs(failures, 500, 10_000));
  };

  return {
    name: "database",
    db,
    get healthy() {
      return healthy;
    },
    get lastError() {
      return lastError;
    },
    onChange(listener) {
      listeners.push(listener);
    },
    ready,
    async start() {
      void (async () => {
        // Migrations first (advisory-locked, so web and worker may race); retried until the database answers.
        for (let attempt = 1; ; attempt++) {
          try {
            const applied = await runMigrations(url);
            if (applied) log.info(`applied ${applied} migration(s)`);
            const status = await migrationStatus(db.$client);
            if (!status.current) throw new Error(`database has ${status.applied} of ${status.expected} migrations`);
            break;
          } catch (e) {
            if (stopped) return;
            const delay = backoffMs(attempt, 500, opts.retryMaxMs ?? 15_000);
            log.warn({ err: (e as Error).message, attempt }, `database not ready; retrying in ${delay} ms`);
            await new Promise((r) => setTimeout(r, delay));
            if (stopped) return;
          }
        }
        await check();
        markReady();
      })();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await closeDb(db, 5);
    },
  };
}
