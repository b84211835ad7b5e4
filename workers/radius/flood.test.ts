// A spoofed flood from many addresses that are no router of ours (sockets bound to distinct 127.0.0.x /
// 127.0.x.y loopback addresses): every packet is counted, but the RADIUS log gets a fixed sample a minute
// whatever the number of addresses, and one summary row of what was suppressed.
import dgram from "node:dgram";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { encodeAccessRequest } from "@/lib/radius";
import { seedFixture, startRadius, TEST_SECRET, waitFor } from "./test-support";

let t: TestDatabase;
let srv: Awaited<ReturnType<typeof startRadius>>;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedFixture(t.db); // the only router is 127.0.0.1
  srv = await startRadius(t.db, t.url);
});

afterAll(async () => {
  await srv?.stop();
  await t?.drop();
});

async function sendFrom(address: string, port: number, packet: Buffer) {
  const s = dgram.createSocket("udp4");
  await new Promise<void>((resolve, reject) => {
    s.once("error", reject);
    s.bind(0, address, () => resolve());
  });
  await new Promise<void>((resolve, reject) => s.send(packet, port, "127.0.0.1", (e) => (e ? reject(e) : resolve())));
  await new Promise<void>((r) => s.close(() => r()));
}

it("caps unknown-source drop rows at a fixed sample per minute, whatever the addresses, and counts every packet", async () => {
  const sources = Array.from({ length: 300 }, (_, i) => `127.0.${1 + Math.floor(i / 200)}.${2 + (i % 200)}`);
  const packet = encodeAccessRequest({ identifier: 1, secret: TEST_SECRET, attributes: [["User-Name", "spoof"]], password: "x" });
  for (let i = 0; i < sources.length; i += 50) await Promise.all(sources.slice(i, i + 50).map((a, j) => sendFrom(a, j % 2 ? srv.auth : srv.acct, packet)));

  const m = srv.runtime.metrics;
  await waitFor(async () => m.snapshot().totals.drops.unknown_nas === sources.length, 10_000, "every spoofed packet counted");
  expect(m.unknownSourceDrops).toBe(sources.length);
  await srv.runtime.logWriter.flush();
  const rows = await t.db.execute<{ n: number; addresses: number }>(
    sql`select count(*)::int as n, count(distinct nas_ip)::int as addresses from radius_log where tenant_id is null and outcome = 'DROP'`,
  );
  expect(rows[0].n).toBe(20);
  expect(rows[0].addresses).toBe(20);

  // The minute ends: one summary row tells how many were left out.
  srv.runtime.logWriter.dropUnknown("127.0.9.9", "unknown_nas", Date.now() + 61_000);
  await srv.runtime.logWriter.flush();
  const summary = await t.db.execute<{ reason: string }>(sql`select reason from radius_log where tenant_id is null and reason like '%suppressed%'`);
  expect(summary.map((r) => r.reason)).toEqual([`unknown_nas (${sources.length - 20} more suppressed)`]);
});
