// The process-wide pools for the web app (one per process, kept across hot reloads in development):
// the trusted pool (sign-in, platform pages) and its tenant-login pool, which withTenant uses.
import { env } from "@/lib/env";
import { createDb, type Db } from "./client";

export * from "./client";
export * as schema from "./schema";

const globalForDb = globalThis as unknown as { __ispDb?: Db };

export function getDb(): Db {
  globalForDb.__ispDb ??= createDb(env().databaseUrl, {
    max: env().DATABASE_POOL_SIZE,
    applicationName: "isp-web",
    tenantUrl: env().tenantDatabaseUrl,
  });
  return globalForDb.__ispDb;
}
