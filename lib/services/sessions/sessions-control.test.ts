import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import pino from "pino";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { FakeRouter } from "@/lib/testing/fake-router";
import { customers, routers, packages, radiusLog, sessionHistory, sessions, settings, tenants } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { withTenant } from "@/lib/db/tenant";
import { clearJobs, queuedJobs } from "@/lib/testing/jobs";
import { DynamicAuthClient } from "@/lib/radius-client";
import { createJobService, type JobService } from "@/workers/jobs/service";
import { sessionJobs } from "@/workers/sessions";
import type { WorkerContext } from "@/workers/core/context";
import { disconnectSessions } from "./disconnect-sessions";
import { enforceQuota } from "./enforce-quota";
import { closeStaleSessions } from "./close-stale-sessions";
import { requestSessionsDisconnect } from "./request-sessions-disconnect";
import { requestCustomerDisconnect } from "./request-customer-disconnect";
import { requestRateChange, requestRateChangeSchema } from "./request-rate-change";
import { setCustomersStatus } from "@/lib/services/customers/set-customers-status";
import { awaitSessionJob } from "./session-jobs";
import { sessionCommandsOutcome } from "./session-commands-outcome";
import { changeCustomersPackage } from "@/lib/services/customers/change-customers-package";
import { summarizeOutcome } from "@/components/sessions/command-outcome";
import { rejection } from "@/lib/testing/rejection";

const secret = "session-control-secret-01";
let t: TestDatabase;
let fake: FakeRouter;
let client: DynamicAuthClient;
let tenantA: string;
let tenantB: string;
let routerA: string;
let fupPackage: string;
let plainPackage: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = new FakeRouter({ secret });
  await fake.start();
  client = new DynamicAuthClient({ timeoutMs: 200, tries: 3 });
  const [a, b] = await t.db.insert(tenants).values([{ name: "A", slug: "sc-a" }, { name: "B", slug: "sc-b" }]).returning();
  tenantA = a.id;
  tenantB = b.id;
  const [router] = await t.db
    .insert(routers)
    .values({ tenantId: tenantA, name: "Core", ipAddress: "127.0.0.1", secretSealed: sealSecret("nas-secret", secret), coaPort: fake.port })
    .returning();
  routerA = router.id;
  const base = { tenantId: tenantA, type: "PPPOE" as const, price: 100000, validityValue: 30, validityUnit: "DAYS" as const, downloadKbps: 10000, uploadKbps: 5000 };
  const [fup, plain] = await t.db
    .insert(packages)
    .values([
      { ...base, name: "10M FUP", dataQuotaBytes: 10n ** 9n, fupDownloadKbps: 1000, fupUploadKbps: 512 },
      { ...base, name: "10M capped", dataQuotaBytes: 10n ** 9n },
    ])
    .returning();
  fupPackage = fup.id;
  plainPackage = plain.id;
});
afterAll(async () => {
  await client.close();
  await fake.stop();
  await t.drop();
});
afterEach(() => {
  fake.received.length = 0;
  fake.dropNext = 0;
});

async function customerWithSession(opts: { packageId?: string; onRouter?: boolean; updatedAgoSeconds?: number; tenantId?: string } = {}) {
  const n = ++seq;
  const tenantId = opts.tenantId ?? tenantA;
  const [c] = await t.db
    .insert(customers)
    .values({ tenantId, type: "PPPOE", name: `Cust ${n}`, username: `cust${n}`, packageId: opts.packageId ?? null, online: true })
    .returning();
  const acctSessionId = `8100${String(n).padStart(4, "0")}`;
  const framedIp = `10.9.0.${n}`;
  const updatedAt = new Date(Date.now() - (opts.updatedAgoSeconds ?? 0) * 1000);
  const [s] = await t.db
    .insert(sessions)
    .values({ tenantId, routerId: routerA, customerId: c.id, username: c.username, acctSessionId, framedIp, startedAt: new Date(updatedAt.getTime() - 3600_000), updatedAt, inputOctets: 123n })
    .returning();
  if (opts.onRouter !== false) fake.addSession({ username: c.username, acctSessionId, framedIp });
  return { customer: c, session: s };
}

async function historyOf(sessionId: string) {
  const [h] = await t.db.select().from(sessionHistory).where(eq(sessionHistory.id, sessionId));
  return h;
}


describe("disconnecting sessions", () => {
  it("sends a Disconnect, and on ACK moves the session to history as Admin-Reset and marks the customer offline", async () => {
    const { customer, session } = await customerWithSession();
    const report = await disconnectSessions(t.db, client, { tenantId: tenantA, sessionIds: [session.id] });
    expect(report.results).toEqual([expect.objectContaining({ sessionId: session.id, outcome: "ACK", closed: true })]);
    expect(await t.db.select().from(sessions).where(eq(sessions.id, session.id))).toEqual([]);
    const h = await historyOf(session.id);
    expect(h).toMatchObject({ terminateCause: "Admin-Reset", inputOctets: 123n, acctSessionId: session.acctSessionId });
    const [c] = await t.db.select().from(customers).where(eq(customers.id, customer.id));
    expect(c.online).toBe(false);
    const [log] = await t.db.select().from(radiusLog).where(and(eq(radiusLog.kind, "COA"), eq(radiusLog.username, customer.username)));
    expect(log).toMatchObject({ outcome: "ACK", tenantId: tenantA, routerId: routerA, nasIp: "127.0.0.1" });
    const p = fake.accepted[0];
    expect(p.code).toBe(40);
    expect(p.getString("Acct-Session-Id")).toBe(session.acctSessionId);
    expect(p.getIp("Framed-IP-Address")).toBe(session.framedIp);
  });

  it("closes the session when the router says it does not know it (NAK, Session-Context-Not-Found)", async () => {
    const { customer, session } = await customerWithSession({ onRouter: false });
    const report = await disconnectSessions(t.db, client, { tenantId: tenantA, customerId: customer.id });
    expect(report.results).toEqual([expect.objectContaining({ outcome: "NAK", errorCause: "Session-Context-Not-Found", closed: true })]);
    expect((await historyOf(session.id)).terminateCause).toBe("Admin-Reset");
    const [log] = await t.db.select().from(radiusLog).where(eq(radiusLog.username, customer.username));
    expect(log).toMatchObject({ outcome: "NAK", reason: "Session-Context-Not-Found" });
  });

  it("keeps the session open on a timeout and logs it", async () => {
    const { customer, session } = await customerWithSession();
    fake.dropNext = 99;
    const report = await disconnectSessions(t.db, client, { tenantId: tenantA, sessionIds: [session.id] });
    expect(report.results[0]).toMatchObject({ outcome: "TIMEOUT", closed: false });
    expect(await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, session.id))).toHaveLength(1);
    const [log] = await t.db.select().from(radiusLog).where(eq(radiusLog.username, customer.username));
    expect(log).toMatchObject({ outcome: "TIMEOUT", reason: "no reply after 3 tries" });
    expect(fake.received).toHaveLength(3);
  });

  it("asked by a status change, does nothing once the status changed again before the job ran", async () => {
    const { customer, session } = await customerWithSession();
    // Suspended, then resumed before the worker got to the job: nothing is cut.
    const skipped = await disconnectSessions(t.db, client, { tenantId: tenantA, customerId: customer.id, whenStatusIn: ["SUSPENDED"] });
    expect(skipped).toEqual({ results: [], skipped: "customer status is now ACTIVE" });
    expect(fake.received).toHaveLength(0);
    expect(await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, session.id))).toHaveLength(1);
    await t.db.update(customers).set({ status: "SUSPENDED" }).where(eq(customers.id, customer.id));
    const report = await disconnectSessions(t.db, client, { tenantId: tenantA, customerId: customer.id, whenStatusIn: ["SUSPENDED"] });
    expect(report.results).toEqual([expect.objectContaining({ sessionId: session.id, outcome: "ACK", closed: true })]);
  });

  it("ignores another tenant's session ids", async () => {
    const { session } = await customerWithSession();
    const report = await disconnectSessions(t.db, client, { tenantId: tenantB, sessionIds: [session.id] });
    expect(report.results).toEqual([]);
    expect(fake.received).toHaveLength(0);
  });
});

describe("quota enforcement", () => {
  it("throttles a fair-usage customer by CoA to the FUP speed without disconnecting", async () => {
    const { customer, session } = await customerWithSession({ packageId: fupPackage });
    const report = await enforceQuota(t.db, client, { tenantId: tenantA, customerId: customer.id, sessionIds: [session.id] });
    expect(report).toMatchObject({ action: "THROTTLE", rateLimit: "512k/1M" });
    expect(report.results[0]).toMatchObject({ outcome: "ACK", closed: false });
    const p = fake.accepted[0];
    expect(p.code).toBe(43);
    expect(p.getString("Mikrotik-Rate-Limit")).toBe("512k/1M");
    const [s] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(s.rateLimit).toBe("512k/1M");
    expect(fake.sessions.get(`${customer.username}\u0000${session.acctSessionId}`)?.rateLimit).toBe("512k/1M");
    const [c] = await t.db.select().from(customers).where(eq(customers.id, customer.id));
    expect(c.quotaExceededAt).not.toBeNull();
    expect(c.online).toBe(true);
  });

  it("disconnects a customer whose package has no fair-usage speed", async () => {
    const { customer, session } = await customerWithSession({ packageId: plainPackage });
    const report = await enforceQuota(t.db, client, { tenantId: tenantA, customerId: customer.id, sessionIds: [session.id] });
    expect(report.action).toBe("DISCONNECT");
    expect(fake.accepted[0].code).toBe(40);
    expect((await historyOf(session.id)).terminateCause).toBe("Admin-Reset");
  });

  it("does nothing for another tenant's customer", async () => {
    const { customer } = await customerWithSession({ packageId: plainPackage });
    expect((await enforceQuota(t.db, client, { tenantId: tenantB, customerId: customer.id })).action).toBe("NONE");
    expect(fake.received).toHaveLength(0);
  });
});

describe("stale sessions", () => {
  it("closes sessions silent for longer than the tenant's threshold as Stale, at their last update", async () => {
    const fresh = await customerWithSession({ updatedAgoSeconds: 60 });
    const old = await customerWithSession({ updatedAgoSeconds: 1000 });
    const result = await closeStaleSessions(t.db, { tenantId: tenantA });
    expect(result.closed).toBeGreaterThanOrEqual(1);
    const h = await historyOf(old.session.id);
    expect(h.terminateCause).toBe("Stale");
    expect(Math.abs(h.stoppedAt.getTime() - old.session.updatedAt.getTime())).toBeLessThan(1000);
    expect(await historyOf(fresh.session.id)).toBeUndefined();
    const [c] = await t.db.select().from(customers).where(eq(customers.id, old.customer.id));
    expect(c.online).toBe(false);

    // A tenant setting of 120 s makes the 60-second-old session survive and a 200-second-old one go.
    await t.db.insert(settings).values({ tenantId: tenantA, key: "sessions.stale_after_seconds", value: 120 });
    const medium = await customerWithSession({ updatedAgoSeconds: 200 });
    await closeStaleSessions(t.db);
    expect((await historyOf(medium.session.id)).terminateCause).toBe("Stale");
    expect(await historyOf(fresh.session.id)).toBeUndefined();
    await t.db.delete(settings).where(eq(settings.tenantId, tenantA));
  });

  it("with a tenant id touches only that tenant", async () => {
    const [otherRouter] = await t.db
      .insert(routers)
      .values({ tenantId: tenantB, name: "B core", ipAddress: "127.0.0.2", secretSealed: sealSecret("nas-secret", secret) })
      .returning();
    const [s] = await t.db
      .insert(sessions)
      .values({ tenantId: tenantB, routerId: otherRouter.id, username: "b1", acctSessionId: "b-1", startedAt: new Date(Date.now() - 7200_000), updatedAt: new Date(Date.now() - 3600_000) })
      .returning();
    await withTenant(t.db, tenantA, (tx) => closeStaleSessions(tx, { tenantId: tenantA }));
    expect(await historyOf(s.id)).toBeUndefined();
  });
});

describe("web-side requests", () => {
  const sent = async () => (await queuedJobs(t.db)).map((j) => ({ name: j.name, data: j.data }));
  beforeAll(() => clearJobs(t.db));
  afterAll(() => clearJobs(t.db));

  it("requestCustomerDisconnect enqueues only when there is something to disconnect", async () => {
    const { customer } = await customerWithSession();
    const [idle] = await t.db.insert(customers).values({ tenantId: tenantA, type: "PPPOE", name: "Idle", username: "idle-1" }).returning();
    await clearJobs(t.db);
    expect(await requestCustomerDisconnect(t.db, { tenantId: tenantA, customerId: idle.id, reason: "expired" })).toEqual({ jobId: null, openSessions: 0 });
    const r = await requestCustomerDisconnect(t.db, { tenantId: tenantA, customerId: customer.id, reason: "suspended" });
    expect(r.openSessions).toBe(1);
    expect(await sent()).toEqual([{ name: "sessions.disconnect", data: expect.objectContaining({ tenantId: tenantA, customerId: customer.id, reason: "suspended" }) }]);
    expect((await rejection(requestCustomerDisconnect(t.db, { tenantId: tenantB, customerId: customer.id }))).code).toBe("NOT_FOUND");
  });

  it("requestRateChange validates the rate and enqueues a CoA", async () => {
    const { customer } = await customerWithSession();
    await clearJobs(t.db);
    const r = await requestRateChange(t.db, requestRateChangeSchema.parse({ tenantId: tenantA, customerId: customer.id, rateLimit: "1M/2M" }));
    expect(r).toMatchObject({ openSessions: 1, rateLimit: "1M/2M" });
    expect((await sent())[0]).toEqual({ name: "sessions.change-rate", data: expect.objectContaining({ customerId: customer.id, rateLimit: "1M/2M" }) });
    expect(requestRateChangeSchema.safeParse({ tenantId: tenantA, customerId: customer.id, rateLimit: "fast please" }).error?.issues[0]).toMatchObject({ path: ["rateLimit"], message: expect.stringMatching(/MikroTik rate limit/) });
    expect((await rejection(requestRateChange(t.db, { tenantId: tenantB, customerId: customer.id, rateLimit: "1M/2M" }))).code).toBe("NOT_FOUND");
  });

  it("requestSessionsDisconnect gives NOT_FOUND for another tenant's session, customer or router", async () => {
    const { customer, session } = await customerWithSession();
    for (const scope of [{ sessionId: session.id }, { customerId: customer.id }, { routerId: routerA }, { sessionId: "junk" }]) {
      const e = await rejection(withTenant(t.db, tenantB, (tx) => requestSessionsDisconnect(tx, { tenantId: tenantB, scope }, { label: "t" })));
      expect(e.code).toBe("NOT_FOUND");
    }
    await clearJobs(t.db);
    const r = await withTenant(t.db, tenantA, (tx) => requestSessionsDisconnect(tx, { tenantId: tenantA, scope: { routerId: routerA } }, { label: "t" }));
    expect(r.openSessions).toBeGreaterThanOrEqual(1);
    expect((await sent())[0].data).toMatchObject({ tenantId: tenantA, nasId: routerA });
  });
});

describe("end to end through pg-boss", () => {
  let jobs: JobService;
  beforeAll(async () => {
    const log = pino({ level: "silent" });
    const ctx = { db: t.db, log } as unknown as WorkerContext;
    // Polling once a minute: a job that runs within the 15 s below was started by the NOTIFY wake-up at commit.
    jobs = createJobService(t.url, sessionJobs(ctx).filter((j) => !j.job.cron), log, {
      listen: (channel, onNotify) => t.db.$client.listen(channel, onNotify),
      pollingIntervalSeconds: 60,
    });
    await jobs.start();
  });
  afterAll(async () => {
    await jobs.stop();
  });

  it("a staff disconnect reaches the router through the worker at once (woken, not polled) and the web sees the outcome", async () => {
    const { session } = await customerWithSession();
    const request = await withTenant(t.db, tenantA, (tx) => requestSessionsDisconnect(tx, { tenantId: tenantA, scope: { sessionId: session.id } }, { label: "t" }));
    expect(request.jobId).toBeTruthy();
    const status = await awaitSessionJob(t.db, request.jobId!, 15_000);
    expect(status.state).toBe("completed");
    expect(status.report?.results).toEqual([expect.objectContaining({ sessionId: session.id, outcome: "ACK", closed: true })]);
    expect((await historyOf(session.id)).terminateCause).toBe("Admin-Reset");
    const [{ n }] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'sessions.disconnect'`);
    expect(n).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it("a package change on a live customer hands back its speed-change jobs, and the web waits for the router: applied on ACK, rejected with the Error-Cause on NAK", async () => {
    const change = async (packageId: string, customerId: string) => {
      const r = await withTenant(t.db, tenantA, (tx) => changeCustomersPackage(tx, { tenantId: tenantA, ids: [customerId], packageId }, { label: "t" }));
      expect(r.rateJobs).toEqual([{ jobId: expect.any(String), openSessions: 1 }]);
      return sessionCommandsOutcome(t.db, r.rateJobs, 15_000);
    };
    const { customer, session } = await customerWithSession({ packageId: plainPackage });
    const applied = await change(fupPackage, customer.id);
    expect(applied).toMatchObject({ state: "completed", openSessions: 1, results: [expect.objectContaining({ sessionId: session.id, outcome: "ACK" })] });
    expect(summarizeOutcome(applied, "speed change")).toMatchObject({ verdict: "done", title: "Applied: the new speed is live on 1 session(s)", hint: false });
    const coa = fake.accepted.find((p) => p.code === 43 && p.getString("User-Name") === customer.username);
    expect(coa?.getString("Mikrotik-Rate-Limit")).toBeTruthy();

    fake.forceNak = 503;
    try {
      const rejected = await change(plainPackage, customer.id);
      const summary = summarizeOutcome(rejected, "speed change");
      expect(summary).toMatchObject({ verdict: "rejected", title: "Rejected by the router", hint: false });
      expect(summary.lines).toEqual([{ kind: "rejected", count: 1, details: ["Session-Context-Not-Found"] }]);
    } finally {
      fake.forceNak = undefined;
    }
  }, 40_000);

  it("a suspension wakes the runner when it commits: the live session is cut without waiting for a poll", async () => {
    const { customer, session } = await customerWithSession();
    await t.db.update(customers).set({ online: true }).where(eq(customers.id, customer.id));
    await withTenant(t.db, tenantA, (tx) => setCustomersStatus(tx, { tenantId: tenantA, ids: [customer.id], status: "SUSPENDED" }, { label: "t" }));
    // Polling is once a minute here: only the NOTIFY delivered at commit starts the job this soon.
    const history = await (async () => {
      for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        const h = await historyOf(session.id).catch(() => null);
        if (h) return h;
      }
      throw new Error("the suspended customer's session was not disconnected within 15 s");
    })();
    expect(history.terminateCause).toBe("Admin-Reset");
    expect(fake.accepted.at(-1)?.getString("User-Name")).toBe(customer.username);
  }, 30_000);
});
