import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { customers, routers, packages, sessionHistory, sessions, tenants, vouchers } from "@/lib/db/schema";
import { withTenant } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";
import { findSessions, findSessionsSchema } from "./find-sessions";
import { findSessionHistory, findSessionHistorySchema, resolveHistoryRange, zonedDayStart } from "./find-session-history";
import { getSessionStats } from "./get-session-stats";

let t: TestDatabase;
let a: string;
let b: string;
let routerA1: string;
let routerA2: string;
let aliceId: string;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);
const H = 3_600_000;
const D = 24 * H;

beforeAll(async () => {
  t = await createTestDatabase();
  [a, b] = (await t.db.insert(tenants).values([{ name: "A", slug: "sess-a" }, { name: "B", slug: "sess-b" }]).returning()).map((r) => r.id);
  const [n1, n2, nb] = await t.db
    .insert(routers)
    .values([
      { tenantId: a, name: "Core", ipAddress: "10.3.0.1", secretSealed: "x" },
      { tenantId: a, name: "Edge", ipAddress: "10.3.0.2", secretSealed: "x" },
      { tenantId: b, name: "Other", ipAddress: "10.4.0.1", secretSealed: "x" },
    ])
    .returning();
  routerA1 = n1.id;
  routerA2 = n2.id;
  const [pkg] = await t.db
    .insert(packages)
    .values({ tenantId: a, name: "Hot", type: "HOTSPOT", price: 100, validityValue: 1, validityUnit: "HOURS", downloadKbps: 1000, uploadKbps: 1000 })
    .returning();
  const [alice, bob] = await t.db
    .insert(customers)
    .values([
      { tenantId: a, type: "PPPOE", name: "Alice Wanjiru", username: "alice" },
      { tenantId: a, type: "DHCP", name: "Bob Otieno", username: "bob" },
    ])
    .returning();
  aliceId = alice.id;
  const [zed] = await t.db.insert(customers).values({ tenantId: b, type: "PPPOE", name: "Zed", username: "alice2" }).returning();
  const [v] = await t.db.insert(vouchers).values({ tenantId: a, packageId: pkg.id, code: "HX7K2P" }).returning();
  await t.db.insert(sessions).values([
    { tenantId: a, routerId: n1.id, customerId: alice.id, username: "alice", acctSessionId: "a1", framedIp: "10.10.0.5", callingStationId: "AA:BB:CC:00:11:22", startedAt: ago(3 * H), inputOctets: 100n, outputOctets: 9_000_000_000n, rateLimit: "10M/5M" },
    { tenantId: a, routerId: n2.id, customerId: bob.id, username: "bob", acctSessionId: "a2", framedIp: "10.10.0.6", callingStationId: "aa-bb-cc-00-33-44", startedAt: ago(1 * H), inputOctets: 500n, outputOctets: 1_000n },
    { tenantId: a, routerId: n1.id, voucherId: v.id, username: "HX7K2P", acctSessionId: "a3", framedIp: "10.20.0.9", startedAt: ago(2 * H), inputOctets: 50n, outputOctets: 50n },
    { tenantId: b, routerId: nb.id, customerId: zed.id, username: "alice2", acctSessionId: "b1", framedIp: "10.10.0.5", startedAt: ago(H), inputOctets: 10n ** 12n, outputOctets: 10n ** 12n },
  ]);
  const hist = (tenantId: string, routerId: string, username: string, stoppedAt: Date, cause: string, customerId?: string) => ({
    tenantId,
    routerId,
    customerId,
    username,
    acctSessionId: `h-${username}-${stoppedAt.getTime()}`,
    startedAt: new Date(stoppedAt.getTime() - H),
    stoppedAt,
    sessionTime: 3600,
    inputOctets: 10n,
    outputOctets: 20n,
    terminateCause: cause,
  });
  await t.db.insert(sessionHistory).values([
    hist(a, n1.id, "alice", ago(1 * D), "User-Request", alice.id),
    hist(a, n1.id, "alice", ago(3 * D), "Lost-Carrier", alice.id),
    hist(a, n2.id, "bob", ago(2 * D), "Idle-Timeout", bob.id),
    hist(a, n2.id, "bob", ago(20 * D), "User-Request", bob.id),
    hist(b, nb.id, "alice2", ago(1 * D), "User-Request", zed.id),
  ]);
});
afterAll(() => t.drop());

const inA = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, a, fn);

describe("findSessions", () => {
  it("lists the tenant's active sessions only, with customer, router, voucher and type", async () => {
    const page = await inA((tx) => findSessions(tx, { ...findSessionsSchema.parse({}), tenantId: a }));
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.username)).toEqual(["bob", "HX7K2P", "alice"]); // newest first
    const alice = page.rows.find((r) => r.username === "alice")!;
    expect(alice).toMatchObject({ customerName: "Alice Wanjiru", nasName: "Core", type: "PPPOE", rateLimit: "10M/5M", downloadBytes: 9_000_000_000n });
    expect(page.rows.find((r) => r.username === "HX7K2P")).toMatchObject({ type: "HOTSPOT", voucherCode: "HX7K2P", customerName: null });
  });

  it("filters by router and connection type, and searches username, IP, MAC and name", async () => {
    const byRouter = await inA((tx) => findSessions(tx, { ...findSessionsSchema.parse({ nasId: routerA2 }), tenantId: a }));
    expect(byRouter.rows.map((r) => r.username)).toEqual(["bob"]);
    const hotspot = await inA((tx) => findSessions(tx, { ...findSessionsSchema.parse({ type: "HOTSPOT" }), tenantId: a }));
    expect(hotspot.rows.map((r) => r.username)).toEqual(["HX7K2P"]);
    const search = async (q: string) => (await inA((tx) => findSessions(tx, { ...findSessionsSchema.parse({ q }), tenantId: a }))).rows.map((r) => r.username).sort();
    expect(await search("ALI")).toEqual(["alice"]);
    expect(await search("10.10.0")).toEqual(["alice", "bob"]);
    expect(await search("aabbcc003344")).toEqual(["bob"]);
    expect(await search("00:11:22")).toEqual(["alice"]);
    expect(await search("otieno")).toEqual(["bob"]);
    expect(await search("100%")).toEqual([]);
  });

  it("sorts by traffic and uptime and pages", async () => {
    const bytes = await inA((tx) => findSessions(tx, { ...findSessionsSchema.parse({ sort: "bytes", dir: "desc" }), tenantId: a }));
    expect(bytes.rows.map((r) => r.username)).toEqual(["alice", "bob", "HX7K2P"]);
    const uptime = await inA((tx) => findSessions(tx, { ...findSessionsSchema.parse({ sort: "uptime", dir: "desc", pageSize: 2, page: 1 }), tenantId: a }));
    expect(uptime.rows.map((r) => r.username)).toEqual(["alice", "HX7K2P"]);
    expect(uptime.pageCount).toBe(2);
  });

  it("never returns another tenant's session, even when asked for its router", async () => {
    const page = await inA((tx) => findSessions(tx, { ...findSessionsSchema.parse({ q: "alice2" }), tenantId: a }));
    expect(page.total).toBe(0);
    const [other] = await t.db.select({ id: routers.id }).from(routers).where(undefined).then((r) => r.filter((x) => x.id !== routerA1 && x.id !== routerA2));
    const foreign = await inA((tx) => findSessions(tx, { ...findSessionsSchema.parse({ nasId: other.id }), tenantId: a }));
    expect(foreign.total).toBe(0);
  });
});

describe("getSessionStats", () => {
  it("counts by type and router and sums the traffic of the tenant's sessions", async () => {
    const s = await inA((tx) => getSessionStats(tx, { tenantId: a }));
    expect(s.total).toBe(3);
    expect(s.customers).toBe(2);
    expect(s.vouchers).toBe(1);
    expect(s.byType).toEqual({ PPPOE: 1, HOTSPOT: 1, DHCP: 1, STATIC: 0, OTHER: 0 });
    expect(s.byNas.map((n) => [n.nasName, n.sessions])).toEqual([
      ["Core", 2],
      ["Edge", 1],
    ]);
    expect(s.uploadBytes).toBe("650");
    expect(s.downloadBytes).toBe(String(9_000_000_000 + 1_000 + 50));
  });
});

describe("findSessionHistory", () => {
  it("defaults to the last 7 days of the tenant's history", async () => {
    const page = await inA((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({}), tenantId: a }));
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.username, r.terminateCause])).toEqual([
      ["alice", "User-Request"],
      ["bob", "Idle-Timeout"],
      ["alice", "Lost-Carrier"],
    ]);
    expect(page.rows[0]).toMatchObject({ customerName: "Alice Wanjiru", nasName: "Core" });
    expect(page.to.getTime() - page.from.getTime()).toBe(7 * D);
  });

  it("filters by customer, router, terminate cause, username and a wider range", async () => {
    const q = (input: z.input<typeof findSessionHistorySchema>) => inA((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({ ...input }), tenantId: a }));
    expect((await q({ customerId: aliceId })).total).toBe(2);
    expect((await q({ nasId: routerA2 })).rows.map((r) => r.username)).toEqual(["bob"]);
    expect((await q({ terminateCause: "Lost-Carrier" })).total).toBe(1);
    expect((await q({ q: "bo" })).total).toBe(1);
    expect((await q({ from: ago(30 * D), to: now })).total).toBe(4);
  });

  it("pages the same rows whether a page is read from the start or from the end", async () => {
    const range = { from: ago(30 * D), to: now };
    for (const sort of ["stoppedAt", "bytes", "duration"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const all = await inA((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({ ...range, sort, dir, pageSize: 10 }), tenantId: a }));
        const paged: string[] = [];
        for (let page = 1; page <= 4; page++) {
          const p = await inA((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({ ...range, sort, dir, pageSize: 1, page }), tenantId: a }));
          expect(p.total).toBe(4);
          paged.push(...p.rows.map((r) => r.id));
        }
        expect(paged).toEqual(all.rows.map((r) => r.id));
      }
    }
    const beyond = await inA((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({ ...range, pageSize: 1, page: 9 }), tenantId: a }));
    expect(beyond.rows).toEqual([]);
  });

  it("refuses an unbounded or inverted range", async () => {
    await expect(inA((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({ from: ago(400 * D), to: now }), tenantId: a }))).rejects.toBeInstanceOf(AppError);
    await expect(inA((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({ from: now, to: ago(D) }), tenantId: a }))).rejects.toBeInstanceOf(AppError);
  });

  it("never includes another tenant's history", async () => {
    const page = await inA((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({ q: "alice2" }), tenantId: a }));
    expect(page.total).toBe(0);
    const asB = await withTenant(t.db, b, (tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({}), tenantId: b }));
    expect(asB.rows.map((r) => r.username)).toEqual(["alice2"]);
  });

  it("reads day ranges in the tenant's time zone, the end day inclusive", () => {
    expect(zonedDayStart("2026-03-16", "Africa/Nairobi").toISOString()).toBe("2026-03-15T21:00:00.000Z");
    const r = resolveHistoryRange({ from: "2026-03-01", to: "2026-03-07", timezone: "Africa/Nairobi" });
    expect(r.from.toISOString()).toBe("2026-02-28T21:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-03-07T21:00:00.000Z");
  });
});
