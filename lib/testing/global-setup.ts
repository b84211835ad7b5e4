// Vitest global setup: one real PostgreSQL for the run (embedded, or the server in TEST_DATABASE_URL),
// a migrated template database, and each test file clones it (CREATE DATABASE … TEMPLATE).
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import crypto from "node:crypto";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningPostgres } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { findFreePort } from "./ports";

let running: RunningPostgres | undefined;
let tmpDir: string | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
    /** The run's tenant login role (a member of isp_tenant only), which test handles' withTenant uses. */
    pgTenantUser: string;
    pgTenantPassword: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-test-pg-"));
    fs.chmodSync(tmpDir, 0o755);
    const password = crypto.randomBytes(12).toString("hex");
    const port = await findFreePort();
    running = await startEmbeddedPostgres({ dataDir: tmpDir, port, password });
    serverUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  }
  const template = `isp_test_template_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`);
  await admin.unsafe(`CREATE DATABASE ${template}`);
  // Roles are per server: each run has its own tenant login, so runs sharing TEST_DATABASE_URL do not race.
  const tenantUser = `isp_tenant_login_t${process.pid}`;
  const tenantPassword = crypto.randomBytes(12).toString("hex");
  const tenantUrl = new URL(withDatabase(serverUrl, template));
  tenantUrl.username = tenantUser;
  tenantUrl.password = tenantPassword;
  await runMigrations(withDatabase(serverUrl, template), { tenantUrl: tenantUrl.toString() });
  await admin.end();

  project.provide("pgServerUrl", serverUrl);
  project.provide("pgTemplate", template);
  project.provide("pgTenantUser", tenantUser);
  project.provide("pgTenantPassword", tenantPassword);

  return async () => {
    const cleanup = postgres(serverUrl!, { max: 1, onnotice: () => undefined });
    const leftovers = await cleanup<{ datname: string }[]>`
      select datname from pg_database where datname like ${`isp_t_${process.pid}_%`} or datname = ${template}`;
    for (const { datname } of leftovers) await cleanup.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await cleanup.unsafe(`DROP ROLE IF EXISTS isp_tenant_login_t${process.pid}`);
    await cleanup.end();
    await running?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
