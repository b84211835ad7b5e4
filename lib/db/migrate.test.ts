import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { expectedMigrations, migrationsFolder, migrationStatus, runMigrations } from "./migrate";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("migrations", () => {
  it("leave the database current, and re-running applies nothing", async () => {
    expect(await migrationStatus(t.db.$client)).toMatchObject({ current: true });
    expect(await runMigrations(t.url)).toBe(0);
  });

  it("are safe when several processes apply them to an empty database at once", async () => {
    const admin = postgres(inject("pgServerUrl"), { max: 1, onnotice: () => undefined });
    const name = `isp_t_${process.pid}_empty_${Date.now()}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(inject("pgServerUrl"));
    url.pathname = `/${name}`;
    try {
      const results = await Promise.all([1, 2, 3].map(() => runMigrations(url.toString())));
      expect(results.reduce((a, b) => a + b, 0)).toBe(expectedMigrations().length);
      expect(results.filter((n) => n > 0)).toHaveLength(1);
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it("partition the history tables by month, with a default partition", async () => {
    const rows = await t.db.execute<{ relname: string }>(sql`
      select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent where p.relname = 'session_history' order by 1`);
    const names = rows.map((r) => r.relname);
    expect(names).toContain("session_history_default");
    const thisMonth = new Date().toISOString().slice(0, 7).replace("-", "");
    expect(names).toContain(`session_history_${thisMonth}`);
    // Idempotent: a second call creates nothing new.
    const [again] = await t.db.execute<{ n: number }>(sql`select isp_ensure_partitions('session_history', 12, 3) as n`);
    expect(again.n).toBe(0);
  });

  it("take the reset links out of mail the outbox already kept", async () => {
    // The migrations up to, but without, the one that cleans the outbox; then a mail as the old code kept it.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isp-migrations-"));
    fs.cpSync(migrationsFolder(), folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    const cut = journal.entries.findIndex((e) => e.tag.endsWith("_outbox_without_tokens"));
    expect(cut).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
    const admin = postgres(inject("pgServerUrl"), { max: 1, onnotice: () => undefined });
    const name = `isp_t_${process.pid}_outbox_${Date.now()}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(inject("pgServerUrl"));
    url.pathname = `/${name}`;
    const db = postgres(url.toString(), { max: 1, onnotice: () => undefined });
    try {
      await runMigrations(url.toString(), { folder });
      await db`insert into mail_outbox ("to", subject, body) values ('a@a.test', 'Reset', ${"Open\nhttp://x.test/reset-password?token=Secret-Tok_123\nBye"})`;
      await runMigrations(url.toString());
      const [row] = await db<{ body: string }[]>`select body from mail_outbox`;
      expect(row.body).toBe("Open\nhttp://x.test/reset-password?token=[link removed: sent to the recipient only]\nBye");
    } finally {
      await db.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
