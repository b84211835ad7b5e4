// PostgreSQL stops in the middle of accounting: every Accounting-Request is still acknowledged (spooled
// to disk with fsync), and after PostgreSQL returns every record arrives in the database, in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "@/lib/db/client";
import { addCustomer, fakeDatabaseService, ownPostgres, radclient, requireFreeradiusUtils, seedFixture, startRadius, waitFor, type Fixture } from "./test-support";

let pg: Awaited<ReturnType<typeof ownPostgres>>;
let dir: string;
let db: Db;
let url: string;
let f: Fixture;

beforeAll(async () => {
  requireFreeradiusUtils();
  pg = await ownPostgres("isp-spool-pg-");
  ({ db, url } = pg);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-spool-"));
  f = await seedFixture(db);
  await addCustomer(db, f, { username: "carol", password: "carol-pass-1" });
}, 120_000);

afterAll(async () => {
  await pg?.drop();
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

    await pg.start();
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

it("a database that hangs (a lock held) does not hold the ACK: the batch is spooled after the deadline and stored once when it frees", async () => {
  const spoolDir = path.join(dir, "spool-hang");
  const srv = await startRadius(db, url, { spoolDir, accountingCommitTimeoutMs: 400 });
  const blocker = postgres(url, { max: 1, onnotice: () => undefined });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const lockTaken = new Promise<void>((r) => (locked = r));
  let holding: Promise<unknown> | undefined;
  try {
    const acct = (status: string, extra = "") =>
      radclient(srv.acct, "acct", `User-Name = "carol"\nAcct-Status-Type = ${status}\nAcct-Session-Id = "hang-1"\n${extra}`);
    expect((await acct("Start")).reply).toBe("Accounting-Response");
    const usage = async () =>
      (await db.execute<{ used_bytes: bigint }>(sql`select used_bytes from customers where tenant_id = ${f.tenantId} and username = 'carol'`))[0].used_bytes;
    const before = await usage();

    // Another session holds a lock that blocks every write to sessions (reads still work).
    holding = blocker.begin(async (tx) => {
      await tx`lock table sessions in exclusive mode`;
      locked();
      await held;
    });
    await lockTaken;
    const started = Date.now();
    const interim = await acct("Interim-Update", "Acct-Session-Time = 60\nAcct-Input-Octets = 700\nAcct-Output-Octets = 300");
    const stop = await acct("Stop", "Acct-Session-Time = 90\nAcct-Input-Octets = 1700\nAcct-Output-Octets = 800\nAcct-Terminate-Cause = User-Request");
    // Both acknowledged while the lock is still held: spooled after the 400 ms deadline, not after the lock.
    expect([interim.reply, stop.reply]).toEqual(["Accounting-Response", "Accounting-Response"]);
    expect(Date.now() - started).toBeLessThan(5000);
    const m = srv.runtime.metrics.snapshot().totals;
    expect(m.accountingOverruns).toBeGreaterThanOrEqual(1);
    expect(m.spooled).toBeGreaterThanOrEqual(2);
    const [open] = await db.execute<{ input_octets: bigint }>(sql`select input_octets from sessions where tenant_id = ${f.tenantId} and acct_session_id = 'hang-1'`);
    expect(open.input_octets).toBe(0n); // nothing got past the lock yet

    release();
    await holding;
    // The overrunning write lands first, then the replay: one history row with the Stop's counters, the
    // customer's usage advanced once (by the Stop's total), nothing left open, the spool empty.
    const [h] = await waitFor(
      async () => {
        const rows = await db.execute<{ input_octets: bigint; output_octets: bigint; terminate_cause: string }>(
          sql`select input_octets, output_octets, terminate_cause from session_history where tenant_id = ${f.tenantId} and acct_session_id = 'hang-1'`,
        );
        return rows.length ? rows : null;
      },
      15_000,
      "the Stop replayed",
    );
    expect(h).toMatchObject({ input_octets: 1700n, output_octets: 800n, terminate_cause: "User-Request" });
    await waitFor(async () => !srv.runtime.accounting.spooling, 10_000, "spool drained");
    expect(await db.execute(sql`select 1 from sessions where tenant_id = ${f.tenantId} and acct_session_id = 'hang-1'`)).toHaveLength(0);
    expect(await db.execute(sql`select 1 from session_history where tenant_id = ${f.tenantId} and acct_session_id = 'hang-1'`)).toHaveLength(1);
    expect((await usage()) - before).toBe(2500n);
  } finally {
    release();
    await holding?.catch(() => undefined);
    await blocker.end();
    await srv.stop();
  }
}, 60_000);
