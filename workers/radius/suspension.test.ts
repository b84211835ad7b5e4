// A platform suspension on the wire (radtest against our RADIUS server, real PostgreSQL): with REFUSE the
// ISP's subscribers get an Access-Reject with a Reply-Message at once (the cached subject is invalidated by
// the tenants trigger) and their live sessions are handed to the disconnect job; with GRACE they keep service.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { setTenantStatus, setTenantStatusSchema } from "@/lib/services/platform/set-tenant-status";
import { clearJobs, queuedJobs } from "@/lib/testing/jobs";
import { addCustomer, radtest, requireFreeradiusUtils, seedFixture, startRadius, waitFor, type Fixture } from "./test-support";

let t: TestDatabase;
let f: Fixture;
let srv: Awaited<ReturnType<typeof startRadius>>;
const op = { label: "operator:test" };

beforeAll(async () => {
  requireFreeradiusUtils();
  t = await createTestDatabase();
  f = await seedFixture(t.db);
  await addCustomer(t.db, f, { username: "alice", password: "alice-pass-1" });
  // Bob is online already: the one a REFUSE suspension must cut off.
  const bob = await addCustomer(t.db, f, { username: "bob", password: "bob-pass-1" });
  await t.db.execute(sql`insert into sessions (tenant_id, nas_id, customer_id, username, acct_session_id, started_at) values (${f.tenantId}, ${f.routerId}, ${bob}, 'bob', 'S-1', now())`);
  srv = await startRadius(t.db, t.url, { routerReloadMs: 60_000 });
});

afterAll(async () => {
  await srv?.stop();
  await t?.drop();
});

const login = () => radtest(srv.auth, "alice", "alice-pass-1", "pap");

describe("platform suspension", () => {
  it("REFUSE: subscribers are refused with a Reply-Message, live sessions are disconnected; reactivation lets them in", async () => {
    expect((await login()).reply).toBe("Access-Accept"); // cached now
    await setTenantStatus(t.db, { tenantId: f.tenantId, status: "SUSPENDED", reason: "Unpaid invoice", mode: "REFUSE" }, op);
    const refused = await waitFor(async () => {
      const r = await login();
      return r.reply === "Access-Reject" ? r : null;
    }, 5000, "the suspension to reach the RADIUS cache");
    expect(refused.attributes["Reply-Message"]).toEqual(["Service suspended by your provider's platform: please contact your ISP"]);
    // A wrong password still says only that: the suspension is told to the subscriber who proved who they are.
    expect((await radtest(srv.auth, "alice", "wrong-pass", "pap")).attributes["Reply-Message"]).toEqual(["Unknown user or wrong password"]);
    expect(await queuedJobs(t.db, "sessions.disconnect")).toEqual([
      expect.objectContaining({ name: "sessions.disconnect", data: expect.objectContaining({ tenantId: f.tenantId, nasId: f.routerId, whenTenantRefused: true }) }),
    ]);

    await setTenantStatus(t.db, setTenantStatusSchema.parse({ tenantId: f.tenantId, status: "ACTIVE" }), op);
    await waitFor(async () => (await login()).reply === "Access-Accept", 5000, "reactivation to reach the RADIUS cache");
  });

  it("GRACE: subscribers keep service and nothing is disconnected", async () => {
    await clearJobs(t.db);
    await setTenantStatus(t.db, { tenantId: f.tenantId, status: "SUSPENDED", reason: "Unpaid invoice", mode: "GRACE" }, op);
    // The registry reloads on its own schedule; the answer must not change either way.
    await srv.runtime.registry.reload();
    for (let i = 0; i < 3; i++) expect((await login()).reply).toBe("Access-Accept");
    expect(await queuedJobs(t.db, "sessions.disconnect")).toEqual([]);
  });
});
