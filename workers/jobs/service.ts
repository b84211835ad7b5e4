// The job runner: pg-boss on the same PostgreSQL. Features register handlers (and optional cron
// schedules); pg-boss gives retries, schedules and one-at-a-time semantics across worker copies.
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import { JOBS_CHANNEL, PGBOSS_SCHEMA } from "@/lib/jobs/send";
import type { Service } from "../core/service";

export interface JobDefinition<T extends object = object> {
  name: string;
  /** cron in the platform's time zone (UTC); omitted for command jobs sent by the web. */
  cron?: string;
  /** How many of this job may run at once on one worker. */
  concurrency?: number;
  retryLimit?: number;
  handler: (data: T, job: PgBoss.Job<T>) => Promise<unknown>;
}

export interface JobService extends Service {
  send(name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>;
  readonly boss: PgBoss;
}

export interface JobServiceOptions {
  /** LISTEN for sendJob's wake-ups (postgres.js `sql.listen`); without it jobs wait for the next poll. */
  listen?: (channel: string, onNotify: (payload: string) => void) => Promise<{ unlisten(): Promise<void> }>;
  /** How often each queue is polled when no wake-up comes (pg-boss's default is 2 s). */
  pollingIntervalSeconds?: number;
}

export function createJobService(url: string, jobs: JobDefinition[], log: Logger, opts: JobServiceOptions = {}): JobService {
  const boss = new PgBoss({ connectionString: url, schema: PGBOSS_SCHEMA, max: 4, application_name: "isp-worker-jobs" } as PgBoss.ConstructorOptions);
  boss.on("error", (e) => log.error({ err: e.message }, "job runner error"));
  const workerIds = new Map<string, string[]>();
  let subscription: { unlisten(): Promise<void> } | undefined;
  const wake = (queue: string) => {
    for (const id of workerIds.get(queue) ?? []) boss.notifyWorker(id);
  };
  return {
    name: "jobs",
    boss,
    async start() {
      await boss.start();
      if (opts.listen) {
        // In the background: the runner polls anyway, and postgres.js re-LISTENs after a reconnect.
        opts
          .listen(JOBS_CHANNEL, wake)
          .then((sub) => (subscription = sub))
          .catch((e: Error) => log.warn({ err: e.message }, "could not LISTEN for job wake-ups; jobs start at the next poll"));
      }
      for (const job of jobs) {
        await boss.createQueue(job.name, { name: job.name, policy: job.cron ? "singleton" : "standard", retryLimit: job.retryLimit ?? 3, retryBackoff: true });
        if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
        const workers = Math.max(1, job.concurrency ?? 1);
        const ids: string[] = [];
        workerIds.set(job.name, ids);
        for (let i = 0; i < workers; i++) {
          const options = { batchSize: 1, ...(opts.pollingIntervalSeconds ? { pollingIntervalSeconds: opts.pollingIntervalSeconds } : {}) };
          const id = await boss.work(job.name, options, async ([j]) => {
            const t = Date.now();
            try {
              const result = await job.handler(j.data as object, j as PgBoss.Job<object>);
              log.debug({ job: job.name, ms: Date.now() - t }, "job done");
              return result;
            } catch (e) {
              log.error({ job: job.name, err: (e as Error).message }, "job failed");
              throw e;
            }
          });
          ids.push(id);
        }
      }
    },
    async stop() {
      // UNLISTEN needs the database; do not hang a shutdown on one that is gone.
      await Promise.race([subscription?.unlisten().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
    send: (name, data, options) => boss.send(name, data, options ?? {}),
  };
}
