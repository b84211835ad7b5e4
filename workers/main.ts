// The worker process: composes the long-running services (database, RADIUS, jobs, health) and stops
// them in reverse order on SIGINT/SIGTERM within a time limit; a second signal exits at once.
import { ConfigError, parseEnv } from "@/lib/env";
import { childLogger } from "@/lib/logger";
import { createServiceHost, startWhenReady, type Service } from "./core/service";
import { createDatabaseService } from "./core/database";
import { createHealthServer } from "./core/health";
import { createJobService } from "./jobs/service";
import { maintenanceJobs } from "./jobs/maintenance";
import type { WorkerContext } from "./core/context";
import { radiusServices } from "./radius";
import { sessionJobs, sessionServices } from "./sessions";
import { subscriberJobs } from "./subscribers";

const log = childLogger("worker");

async function main() {
  let env;
  try {
    env = parseEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }

  const database = createDatabaseService(env.databaseUrl, log.child({ service: "database" }));
  const ctx: WorkerContext = { env, db: database.db, database, log };
  const jobs = createJobService(
    env.databaseUrl,
    [...maintenanceJobs(database.db), ...sessionJobs(ctx), ...subscriberJobs(ctx)],
    log.child({ service: "jobs" }),
    { listen: (channel, onNotify) => database.db.$client.listen(channel, onNotify) },
  );
  // The database service does not wait for PostgreSQL: RADIUS starts at once and answers from its saved
  // state (routers, authorisation snapshot) and spools accounting while the database is away; the jobs
  // and session services start once migrations are current.
  const needDatabase = startWhenReady("after-database", database.ready, [jobs, ...sessionServices(ctx)], log, (e) => {
    log.fatal({ err: e }, "worker services failed to start");
    process.exit(1);
  });
  const services: Service[] = [database, ...radiusServices(ctx), needDatabase];
  const health = createHealthServer(env.WORKER_HEALTH_PORT, "127.0.0.1", [
    { name: "database", check: () => ({ ok: database.healthy, detail: database.lastError ?? undefined }) },
  ]);
  // Health first so probes answer while the rest is starting; it is stopped last.
  const host = createServiceHost([health, ...services], log, { stopTimeoutMs: 20_000 });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: stopping`);
    await host.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await host.start();
  log.info({ services: host.started }, "worker running");
}

main().catch((e) => {
  log.fatal({ err: e }, "worker failed to start");
  process.exit(1);
});
