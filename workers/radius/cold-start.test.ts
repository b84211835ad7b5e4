// A worker started while PostgreSQL is stopped: with the real database service (which does not wait for
// the database), RADIUS answers Access-Requests for known customers and vouchers from the sealed saved
// state (real radtest/radclient), acknowledges accounting into the spool, and once PostgreSQL starts every
// spooled record is in the database exactly once. Nothing readable is on disk: no password, no name.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { createDatabaseService } from "../core/database";
import { addCustomer, ownPostgres, radclient, radtest, requireFreeradiusUtils, seedFixture, startRadius, TEST_SECRET, waitFor, type Fixture } from "./test-support";

let pg: Awaited<ReturnType<typeof ownPostgres>>;
let dataDir: string;
let db: Db;
let url: string;
let f: Fixture;
const ids: Record<string, string> = {};

beforeAll(async () => {
  requireFreeradiusUtils();
  pg = await ownPostgres("isp-cold-pg-");
  ({ db, url } = pg);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-cold-data-"));
  f = await seedFixture(db);
  ids.dora = await addCustomer(db, f, { username: "dora", password: "dora-secret-pass", staticIp: "10.20.0.7" });
  ids.eve = await addCustomer(db, f, { username: "eve-hotspot", password: "eve-secret-pass", type: "HOTSPOT", packageId: f.hotspotPackageId });
  const [v] = await db.execute<{ id: string }>(sql`insert into vouchers (tenant_id, package_id, code, status, used_at, expires_at, mac_address)
    values (${f.tenantId}, ${f.hotspotPackageId}, 'K7M3Q9X2T4W6', 'USED', now(), now() + interval '1 day', 'AA:BB:CC:11:22:33') returning id`);
  ids.voucher = v.id;
}, 120_000);

afterAll(async () => {
  await pg?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const log = pino({ level: process.env.RADIUS_TEST_LOG ?? "silent" });

it("answers from sealed saved state and spools accounting while PostgreSQL is down, then stores every record exactly once", async () => {
  // A worker that ran while the database was up saved its routers and what authorisation needs (an
  // earlier version's plain router list is removed).
  const spoolDir = path.join(dataDir, "radius-spool");
  fs.mkdirSync(spoolDir, { recursive: true });
  fs.writeFileSync(path.join(spoolDir, "nas-registry.json"), JSON.stringify([{ name: "test-router", ip_address: "127.0.0.1" }]));
  const first = await startRadius(db, url, { dataDir });
  expect(fs.existsSync(path.join(spoolDir, "nas-registry.json"))).toBe(false);
  await first.runtime.authSnapshot.refresh();
  expect(first.runtime.authSnapshot.stats.subjects).toBe(3);
  await first.stop();

  for (const name of ["auth-snapshot.sealed", "nas-registry.sealed"]) {
    const bytes = fs.readFileSync(path.join(spoolDir, name));
    for (const plain of ["dora", "dora-secret-pass", "eve-secret-pass", "K7M3Q9X2T4W6", "test-router", TEST_SECRET, "127.0.0.1", f.tenantId]) {
      expect(bytes.includes(plain), `${name} contains ${plain}`).toBe(false);
    }
    expect(fs.statSync(path.join(spoolDir, name)).mode & 0o077).toBe(0);
  }

  await pg.stop();
  // The worker (re)starts during the outage with the real database service: nothing waits for PostgreSQL.
  const database = createDatabaseService(url, log, { checkIntervalMs: 200, retryMaxMs: 1000 });
  const t0 = Date.now();
  await database.start();
  const srv = await startRadius(database.db, url, { dataDir, database });
  expect(Date.now() - t0).toBeLessThan(5000);
  try {
    expect(database.healthy).toBe(false);
    expect(srv.runtime.registry.size).toBe(1);

    for (const method of ["pap", "chap", "mschap"] as const) {
      const r = await radtest(srv.auth, "dora", "dora-secret-pass", method);
      expect(r.reply, `${method}: ${r.stdout}${r.stderr}`).toBe("Access-Accept");
      expect(r.attributes["Framed-IP-Address"]).toEqual(["10.20.0.7"]);
      expect(r.attributes["Class"][0]).toBe(`0x${Buffer.from(`isp:c:${ids.dora}`).toString("hex")}`);
    }
    expect((await radtest(srv.auth, "dora", "not-her-password")).reply).toBe("Access-Reject");
    const hot = await radclient(srv.auth, "auth", 'User-Name = "eve-hotspot"\nUser-Password = "eve-secret-pass"\nService-Type = Login-User');
    expect(hot.reply, hot.stdout).toBe("Access-Accept");
    const voucher = await radclient(
      srv.auth,
      "auth",
      'User-Name = "K7M3Q9X2T4W6"\nUser-Password = "K7M3Q9X2T4W6"\nCalling-Station-Id = "AA-BB-CC-11-22-33"\nService-Type = Login-User',
    );
    expect(voucher.reply, voucher.stdout).toBe("Access-Accept");
    expect(voucher.attributes["Class"][0]).toBe(`0x${Buffer.from(`isp:v:${ids.voucher}`).toString("hex")}`);
    // Not in the saved state: no answer at all (it may exist), rather than a false "unknown user".
    const unknown = await radtest(srv.auth, "nobody-saved", "x");
    expect(unknown.reply).toBeNull();
    expect(srv.runtime.metrics.snapshot().totals.drops.not_in_snapshot).toBeGreaterThanOrEqual(1);

    const acct = (user: string, sid: string, status: string, extra = "") =>
      radclient(srv.acct, "acct", `User-Name = "${user}"\nAcct-Status-Type = ${status}\nAcct-Session-Id = "${sid}"\n${extra}`);
    const cls = (id: string, kind: "c" | "v") => `Class = 0x${Buffer.from(`isp:${kind}:${id}`).toString("hex")}`;
    const acks = [
      await acct("dora", "cold-1", "Start", cls(ids.dora, "c")),
      await acct("dora", "cold-1", "Interim-Update", `${cls(ids.dora, "c")}\nAcct-Session-Time = 60\nAcct-Input-Octets = 1000\nAcct-Output-Octets = 4000`),
      await acct("K7M3Q9X2T4W6", "cold-2", "Start", cls(ids.voucher, "v")),
      await acct("dora", "cold-1", "Stop", `${cls(ids.dora, "c")}\nAcct-Session-Time = 90\nAcct-Input-Octets = 1500\nAcct-Output-Octets = 6000\nAcct-Terminate-Cause = User-Request`),
      await acct("K7M3Q9X2T4W6", "cold-2", "Interim-Update", `${cls(ids.voucher, "v")}\nAcct-Session-Time = 30\nAcct-Input-Octets = 100\nAcct-Output-Octets = 200`),
    ];
    expect(acks.map((r) => r.reply)).toEqual(Array(5).fill("Accounting-Response"));
    expect(srv.runtime.metrics.spooled).toBe(5);

    await pg.start();
    await database.ready;
    await waitFor(async () => !srv.runtime.accounting.spooling, 30_000, "spool replayed");

    const history = await db.execute<{ acct_session_id: string; input_octets: bigint; output_octets: bigint; terminate_cause: string }>(
      sql`select acct_session_id, input_octets, output_octets, terminate_cause from session_history where tenant_id = ${f.tenantId}`,
    );
    expect(history).toEqual([{ acct_session_id: "cold-1", input_octets: 1500n, output_octets: 6000n, terminate_cause: "User-Request" }]);
    const open = await db.execute<{ acct_session_id: string; voucher_id: string; input_octets: bigint }>(
      sql`select acct_session_id, voucher_id, input_octets from sessions where tenant_id = ${f.tenantId}`,
    );
    expect(open).toEqual([{ acct_session_id: "cold-2", voucher_id: ids.voucher, input_octets: 100n }]);
    const [dora] = await db.execute<{ used_bytes: bigint; used_seconds: bigint }>(sql`select used_bytes, used_seconds from customers where id = ${ids.dora}`);
    expect(dora).toEqual({ used_bytes: 7500n, used_seconds: 90n });
    const [v] = await db.execute<{ used_bytes: bigint }>(sql`select used_bytes from vouchers where id = ${ids.voucher}`);
    expect(v.used_bytes).toBe(300n);
    expect(srv.runtime.metrics.replayed).toBe(5);
    expect(fs.readdirSync(spoolDir).filter((n) => n.startsWith("acct-"))).toEqual([]);

    // Back online: answered from the database again (a customer the snapshot never had).
    await addCustomer(db, f, { username: "fresh", password: "fresh-pass-1" });
    expect((await radtest(srv.auth, "fresh", "fresh-pass-1")).reply).toBe("Access-Accept");
  } finally {
    await srv.stop();
    await database.stop();
  }
}, 180_000);
