// A fresh, migrated database for one test file, cloned from the run's template in a few milliseconds.
import crypto from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { createDb, closeDb, type Db } from "../db/client";

export interface TestDatabase {
  /** Trusted pool; withTenant(db, …) runs on its tenant-login pool, under the real RLS wall. */
  db: Db;
  url: string;
  /** The same database, logged in as the run's tenant login role. */
  tenantUrl: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("pgServerUrl");
  const template = inject("pgTemplate");
  const name = `isp_t_${template.split("_").pop()}_${crypto.randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const tenant = new URL(url);
  tenant.username = inject("pgTenantUser");
  tenant.password = inject("pgTenantPassword");
  const tenantUrl = tenant.toString();
  const db = createDb(url, { max: 5, applicationName: "isp-test", tenantUrl });
  return {
    db,
    url,
    tenantUrl,
    name,
    async drop() {
      await closeDb(db);
      const a = postgres(serverUrl, { max: 1, onnotice: () => undefined });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
