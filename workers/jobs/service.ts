// The job runner: pg-boss on the same PostgreSQL. Each job is a definition from lib/jobs/catalog with a
// handler attached here; every payload is validated against the definition's schema before the handler
// sees it (an invalid one is logged and failed for good, never cast). pg-boss gives retries, schedules
// and one-at-a-time semantics across worker copies.
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { JobDefinition, JobPayload } from "@/lib/jobs/define-job";
import { JOBS_CHANNEL, PGBOSS_SCHEMA, queueOptions } from "@/lib/jobs/queue";
import type { Service } from "../core/service";

export interface JobHandler<D extends JobDefinition = JobDefinition> {
  job: D;
  run: (payload: JobPayload<D>, job: PgBoss.Job<unknown>) => Promise<unknown>;
}

/** Attaches the worker's handler to a job definition (typed by the definition's payload schema). */
export function handle<D extends JobDefinition>(job: D, run: (payload: JobPayload<D>, job: PgBoss.Job<unknown>) => Promise<unknown>): JobHandler {
  return { job, run } as unknown as JobHandler;
}

export interface JobService extends Service {
  readonly boss: PgBoss;
}

export interface JobServiceOptions {
  /** LISTEN for enqueueJob's wake-ups (postgres.js `sql.listen`); without it jobs wait for the next poll. */
  listen?: (channel: string, onNotify: (payload: string) => void) => Promise<{ unlisten(): Promise<void> }>;
  /** How often each queue is polled when no wake-up comes (pg-boss's default is 2 s). */
  pollingIntervalSeconds?: number;
}

/** The payload did not match the job's schema: failing again would not help, so no retry is left. */
export class InvalidJobPayloadError extends Error {}

export function createJobService(url: string, handlers: JobHandler[], log: Logger, opts: JobServiceOptions = {}): JobService {
  const boss = new PgBoss({ connectionString: url, schema: PGBOSS_SCHEMA, max: 4, application_name: "isp-worker-jobs" } as PgBoss.ConstructorOptions);
  boss.on("error", (e) => log.error({ err: e.message }, "job runner error"));
  const workerIds = new Map<string, string[]>();
  let subscription: { unlisten(): Promise<void> } | undefined;
  const wake = (queue: string) => {
    for (const id of workerIds.get(queue) ?? []) boss.notifyWorker(id);
  };
  const runOne = async ({ job: def, run }: JobHandler, j: PgBoss.Job<unknown>) => {
    const parsed = def.payload.safeParse(j.data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`);
      log.error({ job: def.name, jobId: j.id, issues }, "job refused: invalid payload");
      // No retry: the same payload would be refused again.
      await boss.getDb().executeSql(`update ${PGBOSS_SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2`, [def.name, j.id]);
      throw new InvalidJobPayloadError(`invalid payload: ${issues.join("; ")}`);
    }
    const t = Date.now();
    try {
      const result = await run(parsed.data, j);
      log.debug({ job: def.name, ms: Date.now() - t }, "job done");
      return result;
    } catch (e) {
      log.error({ job: def.name, err: (e as Error).message }, "job failed");
      throw e;
    }
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
      for (const handler of handlers) {
        const def = handler.job;
        await boss.createQueue(def.name, queueOptions(def));
        await boss.updateQueue(def.name, queueOptions(def));
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: "UTC" });
        const ids: string[] = [];
        workerIds.set(def.name, ids);
        for (let i = 0; i < Math.max(1, def.concurrency ?? 1); i++) {
          const options = { batchSize: 1, ...(opts.pollingIntervalSeconds ? { pollingIntervalSeconds: opts.pollingIntervalSeconds } : {}) };
          ids.push(await boss.work(def.name, options, ([j]) => runOne(handler, j)));
        }
      }
    },
    async stop() {
      // UNLISTEN needs the database; do not hang a shutdown on one that is gone.
      await Promise.race([subscription?.unlisten().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
