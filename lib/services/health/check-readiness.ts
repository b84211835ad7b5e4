// Readiness: the database answers and its migrations are current. Used by /health/ready, which anyone
// may call: the answer says what is wrong in our own words, and the driver's error text (host names, role
// names, server messages) goes only to the log.
import type { Sql } from "postgres";
import { migrationStatus } from "@/lib/db/migrate";
import { childLogger } from "@/lib/logger";

const log = childLogger("health");

export interface Readiness {
  ready: boolean;
  checks: { database: { ok: boolean; detail?: string }; migrations: { ok: boolean; detail?: string } };
}

function timeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

export async function checkReadiness(sql: Sql): Promise<Readiness> {
  try {
    await timeout(sql`select 1`, 2000);
  } catch (e) {
    log.warn({ err: (e as Error).message }, "readiness: database unreachable");
    return {
      ready: false,
      checks: { database: { ok: false, detail: "database unreachable" }, migrations: { ok: false, detail: "not checked" } },
    };
  }
  try {
    const m = await timeout(migrationStatus(sql), 2000);
    const migrations = m.current ? { ok: true } : { ok: false, detail: `${m.applied} of ${m.expected} migrations applied` };
    return { ready: m.current, checks: { database: { ok: true }, migrations } };
  } catch (e) {
    log.warn({ err: (e as Error).message }, "readiness: migration status unreadable");
    return { ready: false, checks: { database: { ok: true }, migrations: { ok: false, detail: "migration status unreadable" } } };
  }
}
