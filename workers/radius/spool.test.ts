// PostgreSQL stops in the middle of accounting: every Accounting-Request is still acknowledged (spooled
// to disk with fsync), and after PostgreSQL returns every record arrives in the database, in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { closeDb, createDb, type Db } from "@/lib/db/client";
import { findFreePort } from "@/lib/testing/ports";
import { addCustomer, fakeDatabaseService, radclient, requireFreeradiusUtils, seedFixture, startRadius, waitFor, type Fixture } from "./test-support";

let dir: string;
let pg: RunningPostgres;
let port: number;
const password = crypto.randomBytes(8).toString("hex");
let db: Db;
let url: string;
let f: Fixture;

beforeAll(async () => {
  requireFreeradiusUtils();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-spool-pg-"));
  fs.chmodSync(dir, 0o755);
  port = await findFreePort();
  pg = await startEmbeddedPostgres({ dataDir: dir, port, password });
  url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await runMigrations(url);
  db = createDb(url, { max: 5 });
  f = await seedFixture(db);
  await addCustomer(db, f, { username: "carol", password: "carol-pass-1" });
}, 120_000);

afterAll(async () => {
  await closeDb(db).catch(() => undefined);
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("spools accounting while PostgreSQL is down and replays every record when it returns", async () => {
  const database = fakeDatabaseService(db);
  const spoolDir = path.join(dir, "spool");
  let srv = await startRadius(db, url, { spoolDir, database });
  try {
    const acct = (sid: string, status: string, extra = "") =>
      radclient(srv.acct, "acct", `User-Name = "carol"\nAcct-Status-Type = ${status}\nAcct-Session-Id = "${sid}"\n${extra}`);
    expect((await acct("s-1", "Start")).reply).toBe("Accounting-Response");

    await pg.stop();
    database.setHealthy(false);
    // While the database is down: interims for s-1, a whole session s-2, and the Stop of s-1.
    const down = [
      await acct("s-1", "Interim-Update", "Acct-Session-Time = 60\nAcct-Input-Octets = 1000\nAcct-Output-Octets = 5000"),
      await acct("s-2", "Start"),
      await acct("s-1", "Interim-Update", "Acct-Session-Time = 120\nAcct-Input-Octets = 2000\nAcct-Output-Octets = 9000\nAcct-Output-Gigawords = 1"),
      await acct("s-2", "Stop", "Acct-Session-Time = 30\nAcct-Input-Octets = 10\nAcct-Output-Octets = 20\nAcct-Terminate-Cause = Idle-Timeout"),
      await acct("s-1", "Stop", "Acct-Session-Time = 150\nAcct-Input-Octets = 3000\nAcct-Output-Octets = 9500\nAcct-Output-Gigawords = 1\nAcct-Terminate-Cause = Lost-Carrier"),
    ];
    // Every one acknowledged: durably on disk.
    expect(down.map((r) => r.reply)).toEqual(Array(5).fill("Accounting-Response"));
    expect(srv.runtime.metrics.spooled).toBeGreaterThanOrEqual(5);
    expect(fs.readdirSync(spoolDir).some((n) => n.endsWith(".jsonl"))).toBe(true);

    // The worker restarts during the outage: it knows its routers from the registry snapshot, keeps spooling.
    await srv.stop();
    srv = await startRadius(db, url, { spoolDir, database });
    const afterRestart = await radclient(srv.acct, "acct", 'User-Name = "carol"\nAcct-Status-Type = Start\nAcct-Session-Id = "s-3"');
    expect(afterRestart.reply).toBe("Accounting-Response");

    pg = await startEmbeddedPostgres({ dataDir: dir, port, password });
    database.setHealthy(true);
    const history = await waitFor(
      async () => {
        const rows = await db
          .execute<{ acct_session_id: string; terminate_cause: string; input_octets: bigint; output_octets: bigint; session_time: number }>(
            sql`select acct_session_id, terminate_cause, input_octets, output_octets, session_time from session_history
                 where tenant_id = ${f.tenantId} order by acct_session_id`,
          )
          .catch(() => []);
        return rows.length === 2 ? rows : null;
      },
      20_000,
      "spool replay",
    );
    expect(history[0]).toMatchObject({ acct_session_id: "s-1", terminate_cause: "Lost-Carrier", input_octets: 3000n, output_octets: 2n ** 32n + 9500n, session_time: 150 });
    expect(history[1]).toMatchObject({ acct_session_id: "s-2", terminate_cause: "Idle-Timeout", input_octets: 10n, output_octets: 20n });
    const open = await waitFor(
      async () => {
        const rows = await db.execute<{ acct_session_id: string }>(sql`select acct_session_id from sessions where tenant_id = ${f.tenantId}`);
        return rows.length === 1 ? rows : null;
      },
      10_000,
      "s-3 replayed",
    );
    expect(open.map((r) => r.acct_session_id)).toEqual(["s-3"]);
    const [c] = await db.execute<{ used_bytes: bigint; online: boolean }>(sql`select used_bytes, online from customers where tenant_id = ${f.tenantId} and username = 'carol'`);
    expect(c.used_bytes).toBe(3000n + 2n ** 32n + 9500n + 30n);
    expect(c.online).toBe(true);
    await waitFor(async () => !srv.runtime.accounting.spooling, 5000, "spool drained");
    expect(fs.readdirSync(spoolDir).filter((n) => n.startsWith("acct-"))).toEqual([]);
  } finally {
    await srv.stop();
  }
}, 120_000);
