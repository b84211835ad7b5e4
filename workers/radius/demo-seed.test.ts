// The README's demo: on a freshly seeded demo tenant, radtest against 127.0.0.1 with testing123 works.
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { DEMO_RADIUS, seedDemoNetwork } from "@/lib/db/seed-demo";
import { radclient, radtest, requireFreeradiusUtils, startRadius } from "./test-support";

let t: TestDatabase;
let srv: Awaited<ReturnType<typeof startRadius>>;

beforeAll(async () => {
  requireFreeradiusUtils();
  t = await createTestDatabase();
  const [tenant] = await t.db.execute<{ id: string }>(
    sql`insert into tenants (name, slug, status) values ('Demo ISP', ${`demo-${crypto.randomBytes(3).toString("hex")}`}, 'ACTIVE') returning id`,
  );
  await t.db.transaction((tx) => seedDemoNetwork(tx, tenant.id));
  srv = await startRadius(t.db, t.url);
});

afterAll(async () => {
  await srv?.stop();
  await t?.drop();
});

it("accepts the demo PPPoE and hotspot users and a demo voucher with radtest and testing123", async () => {
  for (const method of ["pap", "chap", "mschap"] as const) {
    const r = await radtest(srv.auth, DEMO_RADIUS.pppoe.username, DEMO_RADIUS.pppoe.password, method, DEMO_RADIUS.secret);
    expect(r.reply, r.stdout).toBe("Access-Accept");
    expect(r.attributes["Mikrotik-Rate-Limit"]).toEqual(["5M/10M 8M/15M 4M/8M 16/16 8"]);
  }
  const hot = await radtest(srv.auth, DEMO_RADIUS.hotspot.username, DEMO_RADIUS.hotspot.password, "pap", DEMO_RADIUS.secret);
  expect(hot.reply).toBe("Access-Accept");
  expect(hot.attributes["Mikrotik-Total-Limit-Gigawords"]).toBeUndefined();
  expect(hot.attributes["Mikrotik-Total-Limit"]).toEqual([String(2 * 1024 ** 3)]);
  const code = DEMO_RADIUS.vouchers[0];
  const v = await radclient(srv.auth, "auth", `User-Name = "${code}"\nUser-Password = "${code}"`, DEMO_RADIUS.secret);
  expect(v.reply).toBe("Access-Accept");
  expect(v.attributes["Session-Timeout"]).toEqual(["3600"]);
});
