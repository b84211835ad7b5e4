import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { customers, routers, packages, payments, sessions, tenants, vouchers } from "@/lib/db/schema";
import { withTenant } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";
import { getDashboardStats, getDashboardStatsSchema } from "./get-dashboard-stats";

let t: TestDatabase;
let a: string;
let b: string;
// 2026-03-15 21:30 UTC is already 2026-03-16 00:30 in Nairobi (UTC+3).
const now = new Date("2026-03-15T21:30:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  const rows = await t.db
    .insert(tenants)
    .values([
      { name: "A", slug: "dash-a", timezone: "Africa/Nairobi", currency: "KES" },
      { name: "B", slug: "dash-b", timezone: "UTC", currency: "KES" },
    ])
    .returning();
  [a, b] = rows.map((r) => r.id);
  const [pa] = await t.db
    .insert(packages)
    .values({ tenantId: a, name: "Home 10", type: "PPPOE", price: 150_000, validityValue: 30, validityUnit: "DAYS", downloadKbps: 10_000, uploadKbps: 5_000 })
    .returning();
  const [pb] = await t.db
    .insert(packages)
    .values({ tenantId: b, name: "Hot 1h", type: "HOTSPOT", price: 2_000, validityValue: 1, validityUnit: "HOURS", downloadKbps: 2_000, uploadKbps: 1_000 })
    .returning();
  const day = 86_400_000;
  const ca = await t.db
    .insert(customers)
    .values([
      { tenantId: a, type: "PPPOE", name: "Alice", username: "alice", packageId: pa.id, status: "ACTIVE", expiresAt: new Date(now.getTime() + 2 * day), online: true },
      { tenantId: a, type: "PPPOE", name: "Bob", username: "bob", packageId: pa.id, status: "ACTIVE", expiresAt: new Date(now.getTime() + 30 * day) },
      { tenantId: a, type: "HOTSPOT", name: "Carol", username: "carol", status: "SUSPENDED", expiresAt: new Date(now.getTime() + 1 * day) },
      { tenantId: a, type: "STATIC", name: "Dan", username: "dan", status: "EXPIRED", expiresAt: new Date(now.getTime() - day) },
    ])
    .returning();
  const cb = await t.db
    .insert(customers)
    .values([
      { tenantId: b, type: "HOTSPOT", name: "Zed", username: "zed", status: "ACTIVE", expiresAt: new Date(now.getTime() + day), online: true },
      { tenantId: b, type: "HOTSPOT", name: "Yan", username: "yan", status: "ACTIVE" },
    ])
    .returning();
  const [na] = await t.db
    .insert(routers)
    .values([
      { tenantId: a, name: "Core", ipAddress: "10.1.0.1", secretSealed: "x", lastSeenAt: new Date(now.getTime() - 60_000) },
      { tenantId: a, name: "Edge", ipAddress: "10.1.0.2", secretSealed: "x", lastSeenAt: new Date(now.getTime() - 3 * 3_600_000) },
    ])
    .returning();
  const [nb] = await t.db.insert(routers).values({ tenantId: b, name: "B core", ipAddress: "10.2.0.1", secretSealed: "x", status: "ONLINE" }).returning();
  const [vb] = await t.db.insert(vouchers).values({ tenantId: b, packageId: pb.id, code: "B-1" }).returning();
  await t.db.insert(vouchers).values([
    { tenantId: a, packageId: pa.id, code: "A-1" },
    { tenantId: a, packageId: pa.id, code: "A-2", status: "USED" },
    { tenantId: a, packageId: pa.id, code: "A-3", status: "REVOKED" },
  ]);
  await t.db.insert(sessions).values([
    { tenantId: a, routerId: na.id, customerId: ca[0].id, username: "alice", acctSessionId: "s1", startedAt: now },
    { tenantId: b, routerId: nb.id, customerId: cb[0].id, username: "zed", acctSessionId: "s2", startedAt: now },
    { tenantId: b, routerId: nb.id, voucherId: vb.id, username: "B-1", acctSessionId: "s3", startedAt: now },
  ]);
  const pay = (tenantId: string, amount: number, paidAt: string, status: "COMPLETED" | "PENDING" | "FAILED" = "COMPLETED", receiptNumber = amount) => ({
    tenantId,
    amount,
    currency: "KES",
    method: "CASH" as const,
    status,
    paidAt: new Date(paidAt),
    receiptNumber,
  });
  await t.db.insert(payments).values([
    // Nairobi "today" (2026-03-16 local) starts at 2026-03-15T21:00Z.
    pay(a, 1_000, "2026-03-15T21:10:00Z"),
    // Still the 15th in Nairobi: this month, not today.
    pay(a, 2_000, "2026-03-15T20:50:00Z"),
    // 2026-02-28T22:00Z is already March 1st in Nairobi.
    pay(a, 4_000, "2026-02-28T22:00:00Z"),
    pay(a, 8_000, "2026-02-10T10:00:00Z"),
    // Six months back from March: October is the oldest bucket, September falls outside.
    pay(a, 16_000, "2025-10-05T10:00:00Z"),
    pay(a, 32_000, "2025-09-20T10:00:00Z"),
    pay(a, 64_000, "2026-03-15T21:20:00Z", "PENDING"),
    pay(a, 128_000, "2026-03-15T21:20:00Z", "FAILED"),
    pay(b, 500_000, "2026-03-15T21:20:00Z"),
  ]);
});
afterAll(() => t.drop());

describe("getDashboardStats", () => {
  it("counts only the tenant's own customers, sessions, vouchers and routers", async () => {
    const s = await withTenant(t.db, a, (tx) => getDashboardStats(tx, { ...getDashboardStatsSchema.parse({ now }), tenantId: a }));
    expect(s.customers).toMatchObject({ total: 4, online: 1 });
    expect(s.customers.byType).toEqual({ PPPOE: 2, HOTSPOT: 1, DHCP: 0, STATIC: 1 });
    expect(s.customers.byStatus).toEqual({ ACTIVE: 2, SUSPENDED: 1, EXPIRED: 1, DISABLED: 0 });
    expect(s.sessions.total).toBe(1);
    expect(s.sessions.byType.PPPOE).toBe(1);
    expect(s.sessions.byType.HOTSPOT).toBe(0);
    expect(s.vouchers.byStatus).toEqual({ AVAILABLE: 1, USED: 1, EXPIRED: 0, REVOKED: 1 });
    expect(s.routers).toMatchObject({ total: 2, online: 1 });
    expect(s.routers.list.map((r) => [r.name, r.online, r.sessions])).toEqual([
      ["Core", true, 1],
      ["Edge", false, 0],
    ]);
  });

  it("lists ACTIVE customers expiring in the next 7 days, soonest first", async () => {
    const s = await withTenant(t.db, a, (tx) => getDashboardStats(tx, { ...getDashboardStatsSchema.parse({ now }), tenantId: a }));
    expect(s.expiring.count).toBe(1);
    expect(s.expiring.customers.map((c) => [c.username, c.packageName])).toEqual([["alice", "Home 10"]]);
  });

  it("sums COMPLETED revenue by day and month in the tenant's time zone", async () => {
    const s = await withTenant(t.db, a, (tx) => getDashboardStats(tx, { ...getDashboardStatsSchema.parse({ now }), tenantId: a }));
    expect(s.currency).toBe("KES");
    expect(s.revenue.today).toBe(1_000);
    expect(s.revenue.paymentsToday).toBe(1);
    expect(s.revenue.thisMonth).toBe(1_000 + 2_000 + 4_000);
    expect(s.revenue.trend.map((m) => m.month)).toEqual(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(s.revenue.trend.map((m) => m.amount)).toEqual([16_000, 0, 0, 0, 8_000, 7_000]);
  });

  it("counts voucher sessions as hotspot sessions, and another tenant sees its own figures only", async () => {
    const s = await withTenant(t.db, b, (tx) => getDashboardStats(tx, { ...getDashboardStatsSchema.parse({ now }), tenantId: b }));
    expect(s.sessions.byType).toMatchObject({ HOTSPOT: 2, PPPOE: 0 });
    expect(s.customers.total).toBe(2);
    expect(s.revenue.today).toBe(500_000);
    expect(s.routers).toMatchObject({ total: 1, online: 1 });
    expect(s.vouchers.total).toBe(1);
  });

  it("gives the same figures when each query group runs in its own tenant-scoped transaction", async () => {
    const single = await withTenant(t.db, a, (tx) => getDashboardStats(tx, { ...getDashboardStatsSchema.parse({ now }), tenantId: a }));
    const parallel = await getDashboardStats(t.db, { ...getDashboardStatsSchema.parse({ now }), tenantId: a }, (fn) => withTenant(t.db, a, fn));
    expect(parallel).toEqual(single);
  });

  it("reports a tenant it cannot see as NOT_FOUND", async () => {
    // Tenant A's wall asked for B's figures: the tenant row is invisible, so nothing of B is counted.
    const e = await withTenant(t.db, a, (tx) => getDashboardStats(tx, { ...getDashboardStatsSchema.parse({ now }), tenantId: b })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("NOT_FOUND");
  });

  it("follows the tenant's time zone when it changes", async () => {
    await t.db.update(tenants).set({ timezone: "UTC" }).where(eq(tenants.id, a));
    const s = await withTenant(t.db, a, (tx) => getDashboardStats(tx, { ...getDashboardStatsSchema.parse({ now }), tenantId: a }));
    // In UTC it is still the 15th: both evening payments are today; Feb 28 22:00 belongs to February.
    expect(s.revenue.today).toBe(1_000 + 2_000);
    expect(s.revenue.thisMonth).toBe(3_000);
    expect(s.revenue.trend.at(-2)!.amount).toBe(12_000);
    await t.db.update(tenants).set({ timezone: "Africa/Nairobi" }).where(eq(tenants.id, a));
  });
});
