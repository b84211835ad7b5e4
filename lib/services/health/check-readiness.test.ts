import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { findFreePort } from "@/lib/testing/ports";
import { expectedMigrations } from "@/lib/db/migrate";
import { checkReadiness } from "./check-readiness";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("readiness", () => {
  it("is ready when the database answers and migrations are current", async () => {
    expect(await checkReadiness(t.db.$client)).toEqual({ ready: true, checks: { database: { ok: true }, migrations: { ok: true } } });
  });

  it("says the database is unreachable, without the driver's error text (anyone may read it)", async () => {
    const port = await findFreePort();
    const sql = postgres(`postgres://nobody:x@127.0.0.1:${port}/none`, { max: 1, connect_timeout: 1, onnotice: () => undefined });
    try {
      const r = await checkReadiness(sql);
      expect(r.ready).toBe(false);
      expect(r.checks.database.ok).toBe(false);
      expect(r.checks.database.detail).toBe("database unreachable");
      expect(JSON.stringify(r)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|nobody/);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it("says how many migrations are missing", async () => {
    const admin = postgres(inject("pgServerUrl"), { max: 1, onnotice: () => undefined });
    const name = `isp_t_${process.pid}_bare_${Date.now()}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(inject("pgServerUrl"));
    url.pathname = `/${name}`;
    const sql = postgres(url.toString(), { max: 1, onnotice: () => undefined });
    try {
      const r = await checkReadiness(sql);
      expect(r.ready).toBe(false);
      expect(r.checks.migrations.detail).toBe(`0 of ${expectedMigrations().length} migrations applied`);
    } finally {
      await sql.end();
      await admin.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
