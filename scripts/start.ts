// `npm start`: the whole platform in one command. Starts the embedded PostgreSQL (unless DATABASE_URL
// is set), applies migrations, seeds a first tenant, builds the web app if needed, then runs web and
// worker. Ctrl-C stops worker and web, then the database; a second Ctrl-C stops everything at once.
import postgres from "postgres";
import { ConfigError, parseEnv, type Env } from "@/lib/env";
import { childLogger, redactUrl } from "@/lib/logger";
import { startEmbeddedPostgres, EmbeddedPostgresError, type RunningPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { createDb, closeDb } from "@/lib/db/client";
import { seedIfEmpty, type SeededLogin } from "@/lib/db/seed";
import { findPortClashes } from "./lib/ports";
import { buildApp, buildIsCurrent } from "./lib/build";
import { SupervisedChild } from "./lib/supervisor";

const log = childLogger("launcher");
let pg: RunningPostgres | undefined;
const dev = process.argv.includes("--dev");

class StartError extends Error {}

function fail(message: string): never {
  throw new StartError(message);
}

async function ensureDatabase(env: Env) {
  const target = new URL(env.databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const admin = postgres(target.toString(), { max: 1, onnotice: () => undefined });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

async function withRetry<T>(what: string, fn: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || e instanceof ConfigError) throw e;
      const delay = Math.min(10_000, 500 * 2 ** i);
      log.warn({ err: (e as Error).message }, `${what} failed (attempt ${i}); retrying in ${delay / 1000}s`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

function printLogins(logins: SeededLogin[], env: Env) {
  const lines = [
    "First start: these accounts were created. The passwords are shown only this once.",
    "",
    ...logins.map((l) => `  ${l.role.padEnd(22)} ${l.email.padEnd(24)} ${l.password}`),
    "",
    `  Sign in at ${env.APP_URL}/sign-in`,
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  process.stdout.write(`\n┌${"─".repeat(width)}┐\n${lines.map((l) => `│ ${l.padEnd(width - 1)}│`).join("\n")}\n└${"─".repeat(width)}┘\n\n`);
}

async function main() {
  const started = Date.now();
  let env: Env;
  try {
    env = parseEnv(process.env, { createSecrets: true });
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }

  const clashes = await findPortClashes([
    { port: env.PORT, variable: "PORT", what: "web app", protocol: "tcp", host: env.HOST },
    { port: env.WORKER_HEALTH_PORT, variable: "WORKER_HEALTH_PORT", what: "worker health endpoint", protocol: "tcp", host: "127.0.0.1" },
    { port: env.RADIUS_AUTH_PORT, variable: "RADIUS_AUTH_PORT", what: "RADIUS authentication", protocol: "udp", host: env.RADIUS_HOST },
    { port: env.RADIUS_ACCT_PORT, variable: "RADIUS_ACCT_PORT", what: "RADIUS accounting", protocol: "udp", host: env.RADIUS_HOST },
  ]);
  if (clashes.length) fail(`Cannot start:\n${clashes.map((c) => `  - ${c}`).join("\n")}`);

  if (env.usesEmbeddedDatabase) {
    const secrets = (await import("@/lib/env")).loadOrCreateSecrets(env.DATA_DIR, false)!;
    try {
      pg = await startEmbeddedPostgres({
        dataDir: env.DATA_DIR,
        port: env.EMBEDDED_PG_PORT,
        password: secrets.postgresPassword,
        onLog: (line) => log.debug({ postgres: line }),
      });
    } catch (e) {
      if (e instanceof EmbeddedPostgresError) fail(e.message);
      throw e;
    }
    log.info(`embedded PostgreSQL running on 127.0.0.1:${env.EMBEDDED_PG_PORT} (data in ${env.DATA_DIR}/pg)`);
    await ensureDatabase(env);
  } else {
    log.info(`using PostgreSQL at ${redactUrl(env.databaseUrl)}`);
  }

  const applied = await withRetry("applying migrations", () => runMigrations(env.databaseUrl, { tenantUrl: env.tenantDatabaseUrl })).catch((e: Error) =>
    fail(`Cannot prepare the database at ${redactUrl(env.databaseUrl)}: ${e.message || (e as { code?: string }).code || e}`),
  );
  if (applied) log.info(`applied ${applied} migration(s)`);
  const db = createDb(env.databaseUrl, { max: 2, applicationName: "isp-launcher" });
  const logins = await seedIfEmpty(db, { password: env.SEED_PASSWORD, demo: env.SEED_DEMO });
  await closeDb(db);
  if (logins) printLogins(logins, env);

  if (!dev && !buildIsCurrent()) {
    log.info("building the web app (first start or sources changed)…");
    buildApp();
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: env.DATA_DIR,
    DATABASE_URL: env.databaseUrl,
    TENANT_DATABASE_URL: env.tenantDatabaseUrl,
    AUTH_SECRET: env.AUTH_SECRET,
    NEXTAUTH_SECRET: env.AUTH_SECRET,
    NEXTAUTH_URL: env.nextAuthUrl,
    APP_URL: env.APP_URL,
    // The web process runs as production; a launcher started for development lets it keep an http:// APP_URL.
    ALLOW_INSECURE_HTTP: env.isProduction ? String(env.ALLOW_INSECURE_HTTP) : "true",
    ENCRYPTION_KEYS: env.ENCRYPTION_KEYS,
    LOG_FORMAT: process.env.LOG_FORMAT ?? (env.isProduction ? "json" : "pretty"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Our server in front of Next.js: it takes the client address from the socket (TRUST_PROXY_HOPS).
  const web = new SupervisedChild(
    {
      name: "web",
      command: process.execPath,
      args: ["--import", "tsx", "scripts/web-server.ts", ...(dev ? ["--dev"] : [])],
      env: { ...childEnv, PORT: String(env.PORT), HOST: env.HOST },
    },
    log,
  );
  const worker = new SupervisedChild(
    { name: "worker", command: process.execPath, args: ["--import", "tsx", "workers/main.ts"], env: childEnv },
    log,
  );
  worker.start();
  web.start();
  log.info(`platform starting: web on ${env.APP_URL}, worker health on 127.0.0.1:${env.WORKER_HEALTH_PORT} (launcher ready in ${((Date.now() - started) / 1000).toFixed(1)}s)`);

  let stopping = false;
  let firstSignalAt = 0;
  const shutdown = async (signal: string) => {
    // npm forwards the terminal's Ctrl-C to us as well: one keypress can arrive twice.
    if (stopping && Date.now() - firstSignalAt < 1000) return;
    if (stopping) {
      log.warn(`${signal} again: stopping everything now`);
      web.kill();
      worker.kill();
      await pg?.stop();
      process.exit(1);
    }
    stopping = true;
    firstSignalAt = Date.now();
    log.info(`${signal}: stopping worker and web (Ctrl-C again to force)…`);
    await Promise.all([worker.stop(), web.stop()]);
    if (pg) {
      await pg.stop();
      log.info("embedded PostgreSQL stopped");
    }
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch(async (e) => {
  if (e instanceof StartError) process.stderr.write(`\n${e.message}\n\n`);
  else log.fatal({ err: e }, "launcher failed");
  await pg?.stop();
  process.exit(1);
});
