// Applies drizzle/ migrations under an advisory lock, so web and worker starting together is safe,
// and reports whether the database is current (for /health/ready).
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { ensureTenantLogin } from "./tenant-login";
import { installJobQueues } from "@/lib/jobs/queue";

const MIGRATION_LOCK = 727_001; // arbitrary, constant across versions

export function migrationsFolder() {
  return path.resolve(process.cwd(), "drizzle");
}

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export function expectedMigrations(folder = migrationsFolder()): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return journal.entries;
}

export interface MigrateOptions {
  folder?: string;
  /** The tenant requests' login (env().tenantDatabaseUrl): its role is made to exist, with this password. */
  tenantUrl?: string;
}

/** Applies pending migrations, ensures the tenant login role and installs the job queues; returns how many migrations were applied. */
export async function runMigrations(url: string, opts: MigrateOptions = {}): Promise<number> {
  const folder = opts.folder ?? migrationsFolder();
  const sql = postgres(url, { max: 1, onnotice: () => undefined, connect_timeout: 10 });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      const before = await appliedCount(sql);
      await migrate(drizzle(sql), { migrationsFolder: folder });
      if (opts.tenantUrl) await ensureTenantLogin(sql, opts.tenantUrl);
      // The job queue belongs to the schema: a migrated database can take jobs before any worker ran.
      await installJobQueues(sql);
      return (await appliedCount(sql)) - before;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function appliedCount(sql: postgres.Sql): Promise<number> {
  const [exists] = await sql<{ t: string | null }[]>`select to_regclass('drizzle.__drizzle_migrations')::text as t`;
  if (!exists.t) return 0;
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return row.n;
}

export interface MigrationStatus {
  current: boolean;
  applied: number;
  expected: number;
}

export async function migrationStatus(sql: postgres.Sql, folder = migrationsFolder()): Promise<MigrationStatus> {
  const expected = expectedMigrations(folder).length;
  const applied = await appliedCount(sql);
  return { current: applied >= expected, applied, expected };
}
