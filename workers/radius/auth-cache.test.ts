// The authorization cache against a real PostgreSQL and real radtest: repeated logins are answered from
// memory, and a change made anywhere (password, suspension, package, sessions) takes effect on the next
// request within a second, through the NOTIFY triggers of drizzle/0006 and the accounting writer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { sealSecret } from "@/lib/crypto";
import { addCustomer, radclient, radtest, requireFreeradiusUtils, seedFixture, startRadius, waitFor, type Fixture } from "./test-support";
import type { RadiusRuntime } from "./index";
import pino from "pino";
import type { AuthKey, AuthSubject } from "@/lib/services/radius/find-auth-subjects";
import { AuthCache } from "./auth-cache";

let t: TestDatabase;
let f: Fixture;
let srv: Awaited<ReturnType<typeof startRadius>>;
let rt: RadiusRuntime;

beforeAll(async () => {
  requireFreeradiusUtils();
  t = await createTestDatabase();
  f = await seedFixture(t.db);
  await addCustomer(t.db, f, { username: "carol", password: "carol-pass-1" });
  await addCustomer(t.db, f, { username: "dave", password: "dave-pass-1" });
  srv = await startRadius(t.db, t.url);
  rt = srv.runtime;
  await waitFor(async () => rt.authCache.caching, 5000, "auth cache LISTEN");
});

afterAll(async () => {
  await srv?.stop();
  await t?.drop();
});

/** radtest until the reply matches, for at most ~1 s after the change was committed. */
async function eventually(user: string, password: string, check: (r: Awaited<ReturnType<typeof radtest>>) => boolean) {
  const deadline = Date.now() + 1000;
  for (;;) {
    const r = await radtest(srv.auth, user, password);
    if (check(r) || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, 50));
  }
}

describe("authorization cache", () => {
  it("answers a repeated login from memory", async () => {
    expect((await radtest(srv.auth, "carol", "carol-pass-1")).reply).toBe("Access-Accept");
    const hits = rt.authCache.stats.hits;
    expect((await radtest(srv.auth, "carol", "carol-pass-1")).reply).toBe("Access-Accept");
    expect(rt.authCache.stats.hits).toBe(hits + 1);
    expect((await radtest(srv.auth, "carol", "wrong-pass")).reply).toBe("Access-Reject");
  });

  it("a password change takes effect on the next request", async () => {
    expect((await radtest(srv.auth, "carol", "carol-pass-1")).reply).toBe("Access-Accept");
    await t.db.execute(
      sql`update customers set password_sealed = ${sealSecret("customer-password", "carol-pass-2")} where tenant_id = ${f.tenantId} and username = 'carol'`,
    );
    const r = await eventually("carol", "carol-pass-2", (x) => x.reply === "Access-Accept");
    expect(r.reply).toBe("Access-Accept");
    expect((await radtest(srv.auth, "carol", "carol-pass-1")).reply).toBe("Access-Reject");
  });

  it("a suspension takes effect on the next request, and so does lifting it", async () => {
    expect((await radtest(srv.auth, "dave", "dave-pass-1")).reply).toBe("Access-Accept");
    await t.db.execute(sql`update customers set status = 'SUSPENDED' where tenant_id = ${f.tenantId} and username = 'dave'`);
    const r = await eventually("dave", "dave-pass-1", (x) => x.reply === "Access-Reject");
    expect(r.attributes["Reply-Message"]).toEqual(["Account suspended"]);
    await t.db.execute(sql`update customers set status = 'ACTIVE' where tenant_id = ${f.tenantId} and username = 'dave'`);
    expect((await eventually("dave", "dave-pass-1", (x) => x.reply === "Access-Accept")).reply).toBe("Access-Accept");
  });

  it("a package change reaches every cached customer of the tenant", async () => {
    expect((await radtest(srv.auth, "dave", "dave-pass-1")).attributes["Mikrotik-Rate-Limit"]).toEqual(["5M/10M 8M/15M 4M/8M 16/16 5"]);
    await t.db.execute(sql`update packages set download_kbps = 20000, upload_kbps = 10000, burst_download_kbps = null, burst_upload_kbps = null,
      burst_threshold_download_kbps = null, burst_threshold_upload_kbps = null, burst_time_seconds = null, priority = null
      where tenant_id = ${f.tenantId} and id = ${f.pppoePackageId}`);
    const r = await eventually("dave", "dave-pass-1", (x) => x.attributes["Mikrotik-Rate-Limit"]?.[0] === "10M/20M");
    expect(r.attributes["Mikrotik-Rate-Limit"]).toEqual(["10M/20M"]);
  });

  it("a new customer is found at once although its name was just looked up and missed", async () => {
    expect((await radtest(srv.auth, "erin", "erin-pass-1")).reply).toBe("Access-Reject");
    await addCustomer(t.db, f, { username: "erin", password: "erin-pass-1" });
    expect((await eventually("erin", "erin-pass-1", (x) => x.reply === "Access-Accept")).reply).toBe("Access-Accept");
  });

  it("open sessions counted by accounting in this process limit the next login at once", async () => {
    expect((await radtest(srv.auth, "dave", "dave-pass-1")).reply).toBe("Access-Accept");
    const start = 'User-Name = "dave"\nAcct-Status-Type = Start\nAcct-Session-Id = "cache-1"';
    expect((await radclient(srv.acct, "acct", start)).reply).toBe("Accounting-Response");
    // No waiting: the writer invalidated the entry before it acknowledged.
    const limited = await radtest(srv.auth, "dave", "dave-pass-1");
    expect(limited.attributes["Reply-Message"]).toEqual(["Simultaneous session limit reached"]);
    expect((await radclient(srv.acct, "acct", start.replace("Start", "Stop"))).reply).toBe("Accounting-Response");
    expect((await radtest(srv.auth, "dave", "dave-pass-1")).reply).toBe("Access-Accept");
  });

  it("sessions closed by another process (staff, stale-session job) are seen through their events", async () => {
    await t.db.execute(sql`insert into sessions (tenant_id, nas_id, username, acct_session_id, started_at)
      values (${f.tenantId}, ${f.routerId}, 'dave', 'cache-2', now())`);
    await t.db.execute(sql`update sessions s set customer_id = c.id from customers c
      where c.tenant_id = s.tenant_id and c.username = s.username and s.acct_session_id = 'cache-2'`);
    await t.db.execute(sql`select pg_notify('isp_events', ${JSON.stringify({ type: "session.started", tenantId: f.tenantId, username: "dave" })})`);
    expect((await eventually("dave", "dave-pass-1", (x) => x.reply === "Access-Reject")).attributes["Reply-Message"]).toEqual([
      "Simultaneous session limit reached",
    ]);
    await t.db.execute(sql`delete from sessions where tenant_id = ${f.tenantId} and acct_session_id = 'cache-2'`);
    await t.db.execute(sql`select pg_notify('isp_events', ${JSON.stringify({ type: "session.stopped", tenantId: f.tenantId, count: 30 })})`);
    expect((await eventually("dave", "dave-pass-1", (x) => x.reply === "Access-Accept")).reply).toBe("Access-Accept");
  });

  it("another tenant's change leaves this tenant's entries alone", async () => {
    const other = await seedFixture(t.db, { nasIp: "127.0.0.9" });
    expect((await radtest(srv.auth, "dave", "dave-pass-1")).reply).toBe("Access-Accept");
    const hits = rt.authCache.stats.hits;
    await t.db.execute(sql`update packages set download_kbps = 1000 where tenant_id = ${other.tenantId}`);
    await waitFor(async () => rt.authCache.stats.invalidations > 0, 1000, "notification");
    await new Promise((r) => setTimeout(r, 100));
    expect((await radtest(srv.auth, "dave", "dave-pass-1")).reply).toBe("Access-Accept");
    expect(rt.authCache.stats.hits).toBe(hits + 1);
  });
});

describe("authorization cache bookkeeping (no database)", () => {
  type Load = { keys: AuthKey[]; resolve: (s: (AuthSubject | null)[]) => void };
  class ControlledCache extends AuthCache {
    loads: Load[] = [];
    override get caching() {
      return true;
    }
    protected override load(keys: AuthKey[]) {
      return new Promise<(AuthSubject | null)[]>((resolve) => this.loads.push({ keys, resolve }));
    }
  }
  const subject = (username: string) => ({ kind: "customer", id: username, tenantId: "t1", username }) as unknown as AuthSubject;
  const key = (username: string, tenantId = "t1"): AuthKey => ({ tenantId, routerId: "n1", username });
  const next = () => new Promise((r) => setImmediate(r));

  it("stores a loaded subject, but not one invalidated while its load was in flight", async () => {
    const c = new ControlledCache({} as never, pino({ level: "silent" }));
    const first = c.get(key("u1"));
    await next();
    c.loads[0].resolve([subject("u1")]);
    expect((await first).subject?.username).toBe("u1");
    await c.get(key("u1"));
    expect(c.stats.hits).toBe(1);

    c.invalidate("t1", "u1");
    const second = c.get(key("u1"));
    await next();
    c.invalidate("t1", "u1"); // the password changed while the old row was on its way
    c.loads[1].resolve([subject("u1")]);
    expect((await second).subject).not.toBeNull(); // this request still gets an answer
    const third = c.get(key("u1"));
    await next();
    expect(c.loads).toHaveLength(3); // ...but the next one reads again
    c.loads[2].resolve([subject("u1")]);
    await third;
  });

  it("a tenant-wide invalidation in flight and the LRU bound", async () => {
    const c = new ControlledCache({} as never, pino({ level: "silent" }), { maxEntries: 2 });
    const p = [c.get(key("a")), c.get(key("b")), c.get(key("x", "t2"))];
    await next();
    c.invalidateTenant("t1");
    c.loads[0].resolve([subject("a"), subject("b"), null]);
    await Promise.all(p);
    expect(c.size).toBe(1); // only t2's (negative) entry was stored
    const q = [c.get(key("a")), c.get(key("b")), c.get(key("c"))];
    await next();
    c.loads[1].resolve([subject("a"), subject("b"), subject("c")]);
    await Promise.all(q);
    expect(c.size).toBe(2);
    await c.get(key("c"));
    expect(c.stats.hits).toBe(1);
  });
});

describe("authorization cache expiry", () => {
  it("serves an entry until its TTL, then reads again; the sweep frees expired entries", async () => {
    class Counting extends AuthCache {
      loads = 0;
      override get caching() {
        return true;
      }
      protected override load(keys: AuthKey[]) {
        this.loads++;
        return Promise.resolve(keys.map(() => null));
      }
    }
    const c = new Counting({} as never, pino({ level: "silent" }), { ttlMs: 50 });
    const k: AuthKey = { tenantId: "t1", routerId: "n1", username: "z" };
    await c.get(k);
    await c.get(k);
    expect(c.loads).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    await c.get(k);
    expect(c.loads).toBe(2);
    expect(c.size).toBe(1);
    c.sweep(Date.now() + 60);
    expect(c.size).toBe(0);
  });
});
