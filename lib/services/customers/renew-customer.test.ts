import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, customers } from "@/lib/db/schema";
import { renewCustomer } from "./renew-customer";
import { makeCustomer, makePackage, makeTenant, testActor } from "./test-fixtures";

let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
  b = await makeTenant(t.db, "B");
});
afterAll(() => t.drop());

const DAY = 86_400_000;

describe("renewCustomer", () => {
  it("extends from now when expired, activates and resets usage", async () => {
    const pkg = await makePackage(t.db, a, { validityValue: 30, validityUnit: "DAYS" });
    const c = await makeCustomer(t.db, a, {
      packageId: pkg.id,
      status: "EXPIRED",
      expiresAt: new Date(Date.now() - 5 * DAY),
      usedBytes: 12345n,
      usedSeconds: 99,
      quotaExceededAt: new Date(),
      usagePeriodStart: new Date(Date.now() - 40 * DAY),
    });
    const before = Date.now();
    const r = await renewCustomer(t.db, { tenantId: a, customerId: c.id }, testActor);
    expect(r.status).toBe("ACTIVE");
    expect(r.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(r.expiresAt!.getTime()).toBeLessThan(Date.now() + 30 * DAY + 1000);
    expect(r.usedBytes).toBe(0n);
    expect(r.usedSeconds).toBe(0);
    expect(r.quotaExceededAt).toBeNull();
    expect(r.usagePeriodStart.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect("passwordSealed" in r).toBe(false);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, c.id), eq(auditLog.action, "customer.renew")));
    expect(audits).toHaveLength(1);
  });

  it("extends from the current expiry when still active, by several periods, and can switch package", async () => {
    const p1 = await makePackage(t.db, a);
    const p2 = await makePackage(t.db, a, { validityValue: 1, validityUnit: "MONTHS" });
    const expiry = new Date("2099-01-31T10:00:00Z");
    const c = await makeCustomer(t.db, a, { packageId: p1.id, expiresAt: expiry });
    const r = await renewCustomer(t.db, { tenantId: a, customerId: c.id, packageId: p2.id, periods: 2 }, testActor);
    expect(r.packageId).toBe(p2.id);
    // 31 Jan + 2 months = 31 Mar
    expect(r.expiresAt!.toISOString()).toBe("2099-03-31T10:00:00.000Z");
    const r2 = await renewCustomer(t.db, { tenantId: a, customerId: c.id }, testActor);
    // 31 Mar + 1 month clamps to 30 Apr
    expect(r2.expiresAt!.toISOString()).toBe("2099-04-30T10:00:00.000Z");
  });

  it("refuses a customer without a package", async () => {
    const c = await makeCustomer(t.db, a);
    await expect(renewCustomer(t.db, { tenantId: a, customerId: c.id }, testActor)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("gives NOT_FOUND for another tenant's customer or package", async () => {
    const pkgB = await makePackage(t.db, b);
    const cB = await makeCustomer(t.db, b, { packageId: pkgB.id });
    await expect(renewCustomer(t.db, { tenantId: a, customerId: cB.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const cA = await makeCustomer(t.db, a);
    await expect(renewCustomer(t.db, { tenantId: a, customerId: cA.id, packageId: pkgB.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [unchanged] = await t.db.select().from(customers).where(eq(customers.id, cB.id));
    expect(unchanged.expiresAt).toBeNull();
  });
});
