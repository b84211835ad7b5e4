import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { customers, routers, payments, sessions } from "@/lib/db/schema";
import { JOBS } from "@/lib/jobs/names";
import { queuedJobs } from "@/lib/testing/jobs";
import { expireCustomers } from "./expire-customers";
import { makeCustomer, makePackage, makeTenant } from "./test-fixtures";

let t: TestDatabase;
let a: string;

const sent = async () => (await queuedJobs(t.db)).map((j) => ({ name: j.name, data: j.data }));

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
});
afterAll(async () => {
  await t.drop();
});

const DAY = 86_400_000;
const get = async (id: string) => (await t.db.select().from(customers).where(eq(customers.id, id)))[0];

describe("expireCustomers", () => {
  it("renews from the wallet when allowed, otherwise expires and disconnects", async () => {
    const pkg = await makePackage(t.db, a, { price: 50_000, validityValue: 30, validityUnit: "DAYS" });
    const past = new Date(Date.now() - 60_000);
    const rich = await makeCustomer(t.db, a, { packageId: pkg.id, expiresAt: past, walletBalance: 80_000, usedBytes: 999n });
    const poor = await makeCustomer(t.db, a, { packageId: pkg.id, expiresAt: past, walletBalance: 10_000 });
    const noAuto = await makeCustomer(t.db, a, { packageId: pkg.id, expiresAt: past, walletBalance: 80_000, autoRenew: false });
    const future = await makeCustomer(t.db, a, { packageId: pkg.id, expiresAt: new Date(Date.now() + DAY) });
    const [n] = await t.db.insert(routers).values({ tenantId: a, name: "n", ipAddress: "10.2.2.2", secretSealed: "x" }).returning();
    await t.db.insert(sessions).values({ tenantId: a, routerId: n.id, customerId: poor.id, username: poor.username, acctSessionId: "a1", startedAt: new Date() });

    const r = await expireCustomers(t.db, { tenantId: a });
    expect(r).toMatchObject({ renewed: 1, expired: 2, disconnectsRequested: 1 });

    const richAfter = await get(rich.id);
    expect(richAfter.status).toBe("ACTIVE");
    expect(richAfter.walletBalance).toBe(30_000);
    expect(richAfter.usedBytes).toBe(0n);
    expect(richAfter.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    const [pay] = await t.db.select().from(payments).where(and(eq(payments.customerId, rich.id)));
    expect(pay).toMatchObject({ amount: 50_000, status: "COMPLETED", method: "OTHER", notes: "wallet", purpose: "RENEWAL" });
    expect(pay.receiptNumber).toBeGreaterThan(0);

    expect((await get(poor.id)).status).toBe("EXPIRED");
    expect((await get(poor.id)).walletBalance).toBe(10_000);
    expect((await get(noAuto.id)).status).toBe("EXPIRED");
    expect((await get(future.id)).status).toBe("ACTIVE");
    expect(await sent()).toEqual([{ name: JOBS.disconnectSessions, data: expect.objectContaining({ customerId: poor.id }) }]);

    // A second sweep finds nothing left to do.
    expect(await expireCustomers(t.db, { tenantId: a })).toMatchObject({ renewed: 0, expired: 0 });
  });

  it("works through many customers in batches", async () => {
    const tenant = await makeTenant(t.db, "Many");
    const pkg = await makePackage(t.db, tenant);
    const past = new Date(Date.now() - 1000);
    await t.db.insert(customers).values(Array.from({ length: 1200 }, (_, i) => ({ tenantId: tenant, type: "PPPOE" as const, name: `C ${i}`, username: `m${i}`, packageId: pkg.id, expiresAt: past, autoRenew: false })));
    const r = await expireCustomers(t.db, { tenantId: tenant, batchSize: 500 });
    expect(r.expired).toBe(1200);
    expect(r.batches).toBe(3);
  });
});
