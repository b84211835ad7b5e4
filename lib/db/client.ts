// The database handle: postgres.js under Drizzle. Web and worker each own a pool; services take the
// handle (or a transaction) as their first argument and never import a global. A handle made with a
// tenantUrl carries a second pool, logged in as the tenant role, which withTenant runs on.
import postgres, { type Sql } from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgTransaction } from "drizzle-orm/pg-core";
import type { PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PostgresJsDatabase<Schema> & { $client: Sql; /** The tenant-login pool (see withTenant). */ $tenant?: Db };
export type Tx = PgTransaction<PostgresJsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What every service takes: the pool-backed handle or an open transaction. */
export type Database = Db | Tx;

export interface CreateDbOptions {
  max?: number;
  applicationName?: string;
  onNotice?: (notice: postgres.Notice) => void;
  /** Also open a pool of the same size logged in as the tenant role (TENANT_DATABASE_URL). */
  tenantUrl?: string;
}

export function createDb(url: string, opts: CreateDbOptions = {}): Db {
  const client = postgres(url, {
    max: opts.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    prepare: true,
    onnotice: opts.onNotice ?? (() => undefined),
    connection: { application_name: opts.applicationName ?? "isp" },
    // bigint columns come back as JS bigint (drizzle mode "bigint") and count(*) as number.
    types: { bigint: postgres.BigInt },
  });
  const db = drizzle(client, { schema, casing: "snake_case" }) as Db;
  if (opts.tenantUrl) db.$tenant = createDb(opts.tenantUrl, { ...opts, tenantUrl: undefined, applicationName: `${opts.applicationName ?? "isp"}-tenant` });
  return db;
}

export async function closeDb(db: Db, timeoutSeconds = 5) {
  await Promise.all([db.$client.end({ timeout: timeoutSeconds }), db.$tenant?.$client.end({ timeout: timeoutSeconds })]);
}
