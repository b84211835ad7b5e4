// The saved authorisation state on its own: bounded to the most recently seen customers and the vouchers
// in use, without suspended tenants or disabled customers, sealed on disk, and answering per router
// (package router limits) and per tenant (RADIUS settings) once the database is away.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { addCustomer, seedFixture, type Fixture } from "./test-support";
import { AuthSnapshot, NotInSnapshot } from "./auth-snapshot";

let t: TestDatabase;
let f: Fixture;
let other: Fixture;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await seedFixture(t.db);
  other = await seedFixture(t.db, { nasIp: "127.0.0.9" });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-auth-snap-"));
  const seen = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  await addCustomer(t.db, f, { username: "recent", password: "recent-pass", lastSeenAt: seen(1) });
  await addCustomer(t.db, f, { username: "older", password: "older-pass", lastSeenAt: seen(10), type: "HOTSPOT", packageId: f.hotspotPackageId });
  await addCustomer(t.db, f, { username: "oldest", password: "oldest-pass", lastSeenAt: seen(60) });
  await addCustomer(t.db, f, { username: "off", password: "off-pass", lastSeenAt: seen(0), status: "DISABLED" });
  await addCustomer(t.db, other, { username: "elsewhere", password: "elsewhere-pass", lastSeenAt: seen(0) });
  await t.db.execute(sql`update tenants set status = 'SUSPENDED' where id = ${other.tenantId}`);
  // The hotspot package is limited to a router that is not f's.
  await t.db.execute(sql`update packages set all_routers = false where id = ${f.hotspotPackageId}`);
  await t.db.execute(sql`insert into package_routers (tenant_id, package_id, nas_id) values (${f.tenantId}, ${f.hotspotPackageId}, ${f.routerId})`);
  await t.db.execute(sql`insert into settings (tenant_id, key, value) values (${f.tenantId}, 'radius.interim_interval', '900'::jsonb)`);
  await t.db.execute(sql`insert into vouchers (tenant_id, package_id, code, status, used_at, expires_at) values
    (${f.tenantId}, ${f.hotspotPackageId}, 'INUSE0000001', 'USED', now(), now() + interval '1 hour'),
    (${f.tenantId}, ${f.hotspotPackageId}, 'OVER00000001', 'USED', now() - interval '2 days', now() - interval '1 day'),
    (${f.tenantId}, ${f.hotspotPackageId}, 'FRESH0000001', 'AVAILABLE', null, null)`);
});

afterAll(async () => {
  await t?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("keeps the most recently seen customers up to its bound and the vouchers in use, sealed, and answers from them offline", async () => {
  let online = true;
  const file = path.join(dir, "auth-snapshot.sealed");
  const snap = new AuthSnapshot(t.db, pino({ level: "silent" }), file, () => online, { maxCustomers: 2, maxVouchers: 10 });
  await snap.refresh();
  expect(snap.stats).toMatchObject({ writes: 1, subjects: 3 });
  const onDisk = fs.readFileSync(file, "utf8");
  expect(onDisk).toMatch(/^v1\.[^.]+\.[^.]+\.[^.]+\.[^.]+$/);
  for (const plain of ["recent", "INUSE", "900"]) expect(onDisk).not.toContain(plain);

  online = false;
  const key = (username: string, routerId = f.routerId) => ({ tenantId: f.tenantId, routerId, username });
  const recent = await snap.customer(key("recent"));
  expect(recent.subject).toMatchObject({ username: "recent", kind: "customer", package: { id: f.pppoePackageId, routerAllowed: true } });
  expect(recent.password()).toBe("recent-pass");
  expect((await snap.customer(key("older"))).subject?.package).toMatchObject({ id: f.hotspotPackageId, routerAllowed: true });
  expect((await snap.customer(key("older", other.routerId))).subject?.package?.routerAllowed).toBe(false);
  // Past the bound, disabled, or in a suspended tenant: not kept.
  expect((await snap.customer(key("oldest"))).subject).toBeNull();
  expect((await snap.customer(key("off"))).subject).toBeNull();
  expect((await snap.customer({ tenantId: other.tenantId, routerId: other.routerId, username: "elsewhere" })).subject).toBeNull();
  expect(await snap.voucher(key("INUSE0000001"))).toMatchObject({ kind: "voucher", status: "USED", voucherCode: "INUSE0000001" });
  expect(await snap.voucher(key("OVER00000001"))).toBeNull();
  expect(await snap.voucher(key("FRESH0000001"))).toBeNull();
  expect((await snap.settings(f.tenantId)).interimIntervalSeconds).toBe(900);
  expect((await snap.settings(other.tenantId)).interimIntervalSeconds).toBe(300);

  // No file (a first start during an outage): nothing is known.
  const none = new AuthSnapshot(t.db, pino({ level: "silent" }), path.join(dir, "missing.sealed"), () => false);
  await expect(none.customer(key("recent"))).rejects.toBeInstanceOf(NotInSnapshot);
});
