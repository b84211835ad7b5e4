import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { clearJobs, queuedJobs } from "@/lib/testing/jobs";
import { createDb, closeDb, type Db } from "@/lib/db/client";
import { afterCommit } from "@/lib/db/after-commit";
import { withTenant } from "@/lib/db/tenant";
import { auditLog, customers, routers, packages, sessions, vouchers } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { makeTenant, testActor } from "@/lib/services/customers/test-fixtures";
import { disconnectOutcome } from "./disconnect-outcome";
import { awaitSessionJob } from "./session-jobs";
import { requestSessionsDisconnect } from "./request-sessions-disconnect";
import { sweepUnenforcedQuotas } from "./sweep-unenforced-quotas";

let t: TestDatabase;
let tenant: string;
let routerId: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await makeTenant(t.db, "Disc");
  const [n] = await t.db.insert(routers).values({ tenantId: tenant, name: "R", ipAddress: "127.0.0.1", secretSealed: sealSecret("nas-secret", "s3cret-s3cret") }).returning();
  routerId = n.id;
});
afterAll(async () => {
  await t.drop();
});

async function onlineCustomer(over: Partial<typeof customers.$inferInsert> = {}) {
  const n = ++seq;
  const [c] = await t.db.insert(customers).values({ tenantId: tenant, type: "PPPOE", name: `C ${n}`, username: `dc${n}`, online: true, ...over }).returning();
  const [s] = await t.db.insert(sessions).values({ tenantId: tenant, routerId, customerId: c.id, username: c.username, acctSessionId: `dc-${n}`, startedAt: new Date() }).returning();
  return { customer: c, session: s };
}

describe("waiting for a disconnect's outcome", () => {
  it("the deadline fires on a timer even when every pool connection is taken", async () => {
    const small = createDb(t.url, { max: 2 });
    const release: Array<() => void> = [];
    const holders = [0, 1].map(() => small.transaction(async () => new Promise<void>((r) => release.push(r))));
    try {
      while (release.length < 2) await new Promise((r) => setTimeout(r, 10));
      const started = Date.now();
      // Before: the deadline was checked only after a read returned, and this read never gets a connection.
      const status = await awaitSessionJob(small, "00000000-0000-4000-8000-000000000000", 300);
      expect(status.state).toBe("pending");
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      release.forEach((r) => r());
      await Promise.all(holders);
      await closeDb(small);
    }
  });

  it("more concurrent disconnect requests than pool connections all answer within the deadline, and the pool still works", async () => {
    const poolSize = 3;
    const requests = 8;
    const waitMs = 800;
    const small: Db = createDb(t.url, { max: poolSize, tenantUrl: t.tenantUrl });
    try {
      const targets = await Promise.all(Array.from({ length: requests }, () => onlineCustomer()));
      const started = Date.now();
      // Shaped as the close routes and the router action run it: request in the tenant transaction, wait after its commit.
      const outcomes = await Promise.all(
        targets.map(({ session }) =>
          withTenant(small, tenant, async (tx) => {
            const request = await requestSessionsDisconnect(tx, { tenantId: tenant, scope: { sessionId: session.id } }, testActor);
            return afterCommit(() => disconnectOutcome(small, request, waitMs));
          }),
        ),
      );
      const took = Date.now() - started;
      // No worker runs here: every job is still queued, and each request says so on time.
      expect(outcomes.map((o) => o.state)).toEqual(Array(requests).fill("pending"));
      expect(took).toBeLessThan(waitMs * 3 + 2000);
      const [{ ok }] = await small.execute<{ ok: number }>(sql`select 1 as ok`);
      expect(ok).toBe(1);
    } finally {
      await closeDb(small);
      await clearJobs(t.db);
    }
  }, 30_000);
});

describe("one disconnect service for every edge", () => {
  it("customer, session, router and voucher disconnects all audit as sessions.disconnect", async () => {
    const { customer, session } = await onlineCustomer();
    const [pkg] = await t.db.insert(packages).values({ tenantId: tenant, name: "V", type: "HOTSPOT", price: 5000, validityValue: 1, validityUnit: "DAYS", downloadKbps: 1000, uploadKbps: 1000 }).returning();
    const [v] = await t.db.insert(vouchers).values({ tenantId: tenant, code: `VC${seq}XYZ`, packageId: pkg.id }).returning();
    await t.db.insert(sessions).values({ tenantId: tenant, routerId, voucherId: v.id, username: v.code, acctSessionId: `v-${seq}`, startedAt: new Date() });
    for (const scope of [{ customerId: customer.id }, { sessionId: session.id }, { routerId }, { voucherId: v.id }]) {
      await withTenant(t.db, tenant, (tx) => requestSessionsDisconnect(tx, { tenantId: tenant, scope }, testActor));
    }
    const rows = await t.db.select({ action: auditLog.action, targetType: auditLog.targetType }).from(auditLog).where(and(eq(auditLog.tenantId, tenant), inArray(auditLog.targetId, [customer.id, session.id, routerId, v.id])));
    // Before, the customer page's "Disconnect now" audited customer.disconnect and vouchers voucher.disconnect.
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["sessions.disconnect"]));
    expect(rows.map((r) => r.targetType).sort()).toEqual(["customer", "nas", "session", "voucher"]);
    await clearJobs(t.db);
  });

  it("the UI actions and the REST routes call that same service (no second disconnect service)", () => {
    const edges = [
      "app/(admin)/customers/actions.ts",
      "app/(admin)/routers/actions.ts",
      "app/(admin)/vouchers/actions.ts",
      "app/api/sessions/[id]/close/route.ts",
      "app/api/sessions/close-customer/[customerId]/route.ts",
      "app/api/sessions/close-nas/[nasId]/route.ts",
      "app/api/vouchers/[id]/disconnect/route.ts",
    ];
    for (const f of edges) {
      const text = fs.readFileSync(path.resolve(f), "utf8");
      expect(text, f).toMatch(/requestSessionsDisconnect\(ctx\.tx|requestSessionsDisconnect\(tx/);
      expect(text, f).not.toMatch(/disconnect-customer|disconnect-voucher/);
    }
    expect(fs.existsSync(path.resolve("lib/services/customers/disconnect-customer.ts"))).toBe(false);
  });
});

describe("the quota sweep", () => {
  it("re-sends enforcement for customers over quota whose enforcement never ran, once, and marks those offline", async () => {
    await clearJobs(t.db);
    const long = new Date(Date.now() - 10 * 60_000);
    const lost = await onlineCustomer({ quotaExceededAt: long });
    const idle = await onlineCustomer({ quotaExceededAt: long });
    await t.db.delete(sessions).where(eq(sessions.id, idle.session.id));
    const enforced = await onlineCustomer({ quotaExceededAt: long, quotaEnforcedAt: new Date() });
    const fresh = await onlineCustomer({ quotaExceededAt: new Date() });
    const r = await sweepUnenforcedQuotas(t.db);
    expect(r).toEqual({ enqueued: 1, markedWithoutSessions: 1 });
    const jobs = await queuedJobs(t.db, "sessions.enforce-quota");
    expect(jobs.map((j) => j.data.customerId)).toEqual([lost.customer.id]);
    // Its job is still queued: the next sweep does not pile up another.
    expect(await sweepUnenforcedQuotas(t.db)).toEqual({ enqueued: 0, markedWithoutSessions: 0 });
    const [i] = await t.db.select().from(customers).where(eq(customers.id, idle.customer.id));
    expect(i.quotaEnforcedAt).not.toBeNull();
    void enforced;
    void fresh;
    await clearJobs(t.db);
  });
});
