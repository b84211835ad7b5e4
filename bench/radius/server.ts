// The benchmark's RADIUS process: the worker's real RADIUS service (same code as workers/main.ts) with
// its own pool, started alone in its own session by bench/radius/run.ts. Prints READY with the ports.
import { createDatabaseService } from "@/workers/core/database";
import { createHealthServer } from "@/workers/core/health";
import { createRadiusService } from "@/workers/radius";
import { parseEnv } from "@/lib/env";
import { childLogger } from "@/lib/logger";

async function main() {
  const env = parseEnv();
  const log = childLogger("bench-radius");
  const database = createDatabaseService(env.databaseUrl, log, { poolSize: Number(process.env.BENCH_POOL ?? 10) });
  await database.start();
  const radius = createRadiusService({ env, db: database.db, database, log });
  await radius.start();
  const health = createHealthServer(env.WORKER_HEALTH_PORT, "127.0.0.1", []);
  await health.start();
  const ports = radius.runtime()!.server.ports();
  process.stdout.write(`READY ${ports.auth} ${ports.acct} ${health.port()}\n`);
  const stop = async () => {
    await radius.stop();
    await health.stop();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
