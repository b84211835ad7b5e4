// The job runner: pg-boss on the same PostgreSQL. Features register handlers (and optional cron
// schedules); pg-boss gives retries, schedules and one-at-a-time semantics across worker copies.
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import { PGBOSS_SCHEMA } from "@/lib/jobs/send";
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

export function createJobService(url: string, jobs: JobDefinition[], log: Logger): JobService {
  const boss = new PgBoss({ connectionString: url, schema: PGBOSS_SCHEMA, max: 4, application_name: "isp-worker-jobs" } as PgBoss.ConstructorOptions);
  boss.on("error", (e) => log.error({ err: e.message }, "job runner error"));
  return {
    name: "jobs",
    boss,
    async start() {
      await boss.start();
      for (const job of jobs) {
        await boss.createQueue(job.name, { name: job.name, policy: job.cron ? "singleton" : "standard", retryLimit: job.retryLimit ?? 3, retryBackoff: true });
        if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
        const workers = Math.max(1, job.concurrency ?? 1);
        for (let i = 0; i < workers; i++) {
          await boss.work(job.name, { batchSize: 1 }, async ([j]) => {
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
        }
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
    send: (name, data, options) => boss.send(name, data, options ?? {}),
  };
}
