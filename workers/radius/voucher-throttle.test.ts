// Guessing voucher codes at a hotspot: failed voucher logins are throttled per calling MAC and per router
// (real radclient, real PostgreSQL), the refusals land in the RADIUS log, and customers are not affected.
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { addCustomer, radclient, requireFreeradiusUtils, seedFixture, startRadius, type Fixture } from "./test-support";

let t: TestDatabase;
let f: Fixture;
let srv: Awaited<ReturnType<typeof startRadius>>;

beforeAll(async () => {
  requireFreeradiusUtils();
  t = await createTestDatabase();
  f = await seedFixture(t.db);
  await addCustomer(t.db, f, { username: "alice", password: "alice-pass-1" });
  await t.db.execute(sql`insert into vouchers (tenant_id, package_id, code) values
    (${f.tenantId}, ${f.hotspotPackageId}, 'GOOD7K3M9Q2X'), (${f.tenantId}, ${f.hotspotPackageId}, 'GOOD4T6W2R9P'), (${f.tenantId}, ${f.hotspotPackageId}, 'GOOD9C3V7N4H')`);
  srv = await startRadius(t.db, t.url, { voucherThrottle: { perMac: 3, perRouter: 8 } });
});

afterAll(async () => {
  await srv?.stop();
  await t?.drop();
});

const voucherLogin = (code: string, mac: string) =>
  radclient(srv.auth, "auth", [`User-Name = "${code}"`, `User-Password = "${code}"`, `Calling-Station-Id = "${mac}"`, "Service-Type = Login-User"].join("\n"));

it("throttles failed voucher logins per calling MAC and per router, logs the refusals, and leaves customers alone", async () => {
  for (const guess of ["AAAA1111BBBB", "AAAA1111BBBC", "AAAA1111BBBD"]) {
    const r = await voucherLogin(guess, "AA-BB-CC-00-00-01");
    expect(r.attributes["Reply-Message"], r.stdout).toEqual(["Unknown user or wrong password"]);
  }
  // That MAC has used up its tries: even a real code is refused, without telling whether it exists.
  const blocked = await voucherLogin("GOOD7K3M9Q2X", "aa:bb:cc:00:00:01");
  expect(blocked.reply).toBe("Access-Reject");
  expect(blocked.attributes["Reply-Message"]).toEqual(["Too many failed attempts: try again later"]);
  // Another device through the same router still gets in.
  expect((await voucherLogin("GOOD7K3M9Q2X", "AA-BB-CC-00-00-02")).reply).toBe("Access-Accept");

  // Many devices, one miss each: the router's own limit (8 a minute) trips.
  for (let i = 3; i < 8; i++) expect((await voucherLogin(`ZZZZ${i}111YYYY`, `AA-BB-CC-00-00-0${i}`)).reply).toBe("Access-Reject");
  const routerBlocked = await voucherLogin("GOOD4T6W2R9P", "AA-BB-CC-00-00-09");
  expect(routerBlocked.attributes["Reply-Message"]).toEqual(["Too many failed attempts: try again later"]);

  // Customers (PPPoE, by username and password) are not voucher logins.
  const pppoe = await radclient(srv.auth, "auth", 'User-Name = "alice"\nUser-Password = "alice-pass-1"\nFramed-Protocol = PPP');
  expect(pppoe.reply).toBe("Access-Accept");

  await srv.runtime.logWriter.flush();
  const rows = await t.db.execute<{ reason: string; n: number }>(
    sql`select reason, count(*)::int as n from radius_log where tenant_id = ${f.tenantId} and reason like 'voucher_throttled%' group by reason order by reason`,
  );
  expect(rows.map((r) => [r.reason, r.n])).toEqual([
    ["voucher_throttled:mac", 1],
    ["voucher_throttled:router", 1],
  ]);
  const [v] = await t.db.execute<{ status: string }>(sql`select status from vouchers where tenant_id = ${f.tenantId} and code = 'GOOD4T6W2R9P'`);
  expect(v.status).toBe("AVAILABLE");
});
