import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, routers, sessions, tenants } from "@/lib/db/schema";
import { withTenant } from "@/lib/db/tenant";
import { openSecret } from "@/lib/crypto";
import type { Actor } from "@/lib/services/audit/record-audit";
import { createRouter, createRouterSchema } from "./create-router";
import { updateRouter, updateRouterSchema } from "./update-router";
import { deleteRouter } from "./delete-router";
import { getRouter } from "./get-router";
import { getRouterSecret } from "./get-router-secret";
import { TRIAL_ROUTER_LIMIT } from "./router-fields";
import { findRouters } from "./find-routers";
import { rejection } from "@/lib/testing/rejection";

let t: TestDatabase;
let a: string;
let b: string;
const actor: Actor = { label: "test" };

beforeAll(async () => {
  t = await createTestDatabase();
  const rows = await t.db.insert(tenants).values([{ name: "A", slug: "routers-a", status: "ACTIVE" }, { name: "B", slug: "routers-b", status: "ACTIVE" }]).returning();
  [a, b] = rows.map((r) => r.id);
});
afterAll(() => t.drop());


describe("router services", () => {
  it("creates a router with a generated, sealed secret and defaults", async () => {
    const created = await withTenant(t.db, a, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "Core 1", ipAddress: "10.0.0.1" }), tenantId: a }, actor));
    expect(created).toMatchObject({ coaPort: 3799, requireMessageAuthenticator: true, type: "MIKROTIK", status: "UNKNOWN" });
    expect(created).not.toHaveProperty("secretSealed");
    const [row] = await t.db.select().from(routers).where(eq(routers.id, created.id));
    const secret = openSecret("nas-secret", row.secretSealed);
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(row.secretSealed).not.toContain(secret);
    const revealed = await withTenant(t.db, a, (tx) => getRouterSecret(tx, { tenantId: a, id: created.id }, actor));
    expect(revealed.secret).toBe(secret);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audits.map((x) => x.action).sort()).toEqual(["nas.create", "nas.secret.view"]);
  });

  it("never stores the plaintext of a chosen secret", async () => {
    const secret = "a-very-secret-shared-key-42";
    const created = await withTenant(t.db, a, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "Edge", ipAddress: "10.0.0.2", secret }), tenantId: a }, actor));
    const [{ n }] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from nas where secret_sealed like ${"%" + secret + "%"}`);
    expect(n).toBe(0);
    const audits = await t.db.execute<{ j: string }>(sql`select coalesce(after::text, '') || coalesce(before::text, '') as j from audit_log`);
    expect(audits.some((r) => r.j.includes(secret))).toBe(false);
    expect(created.ipAddress).toBe("10.0.0.2");
  });

  it("refuses a short secret and a bad IP with field errors, every one of them, on create and on update", () => {
    const created = createRouterSchema.safeParse({ name: "X", ipAddress: "10.0.0.300", secret: "short" });
    expect(created.success).toBe(false);
    expect(created.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["name", "ipAddress", "secret"]));
    const updated = updateRouterSchema.safeParse({ name: "X", secret: "has a space in it", coaPort: "70000", latitude: "91", apiPort: "x" });
    expect(updated.success).toBe(false);
    expect(updated.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["apiPort", "coaPort", "latitude", "name", "secret"]);
  });

  it("create and update share the field rules; create adds the defaults, update leaves out what is not given", () => {
    expect(createRouterSchema.parse({ name: "Core", ipAddress: "::ffff:10.0.0.9" })).toMatchObject({
      ipAddress: "10.0.0.9",
      type: "MIKROTIK",
      coaPort: 3799,
      requireMessageAuthenticator: true,
      apiTls: false,
    });
    expect(updateRouterSchema.parse({ location: "", secret: "", apiPassword: "" })).toEqual({ location: null });
  });

  it("refuses a duplicate IP across tenants without naming the other tenant", async () => {
    const e = await rejection(withTenant(t.db, b, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "Theirs", ipAddress: "10.0.0.1" }), tenantId: b }, actor)));
    expect(e.code).toBe("CONFLICT");
    expect(e.details?.fieldErrors).toEqual({ ipAddress: ["This IP address is already registered for a router"] });
    expect(e.message).not.toMatch(/routers-a|\bA\b/);
  });

  it("refuses every spelling of another tenant's router address, on create and on update", async () => {
    const victim = await withTenant(t.db, a, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "Victim v4", ipAddress: "10.9.0.1" }), tenantId: a }, actor));
    const victim6 = await withTenant(t.db, a, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "Victim v6", ipAddress: "2001:db8::10" }), tenantId: a }, actor));
    expect([victim.ipAddress, victim6.ipAddress]).toEqual(["10.9.0.1", "2001:db8::10"]);
    const spellings = ["::ffff:10.9.0.1", "::FFFF:10.9.0.1", "::ffff:0a09:0001", "0:0:0:0:0:ffff:a09:1", "010.009.000.001", " 10.9.0.1 ", "2001:0DB8::0010", "2001:DB8:0:0:0:0:0:10", "2001:db8:0000::10"];
    for (const ipAddress of spellings) {
      const e = await rejection(withTenant(t.db, b, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "Attacker", ipAddress }), tenantId: b }, actor)));
      expect(e.code, ipAddress).toBe("CONFLICT");
      expect(e.details?.fieldErrors, ipAddress).toEqual({ ipAddress: ["This IP address is already registered for a router"] });
      expect(JSON.stringify(e.details)).not.toContain(a);
    }
    const own = await withTenant(t.db, b, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "Theirs", ipAddress: "::ffff:10.9.0.2" }), tenantId: b }, actor));
    expect(own.ipAddress).toBe("10.9.0.2");
    for (const ipAddress of ["::ffff:10.9.0.1", "2001:0DB8::0010"]) {
      const e = await rejection(withTenant(t.db, b, (tx) => updateRouter(tx, { ...updateRouterSchema.parse({ ipAddress }), tenantId: b, id: own.id }, actor)));
      expect(e.code, ipAddress).toBe("CONFLICT");
      expect(Object.keys(e.details?.fieldErrors ?? {})).toEqual(["ipAddress"]);
    }
    // The database holds the wall itself, whatever a service does: a raw non-canonical insert is refused.
    await expect(t.db.execute(sql`insert into nas (tenant_id, name, ip_address, secret_sealed) values (${b}, 'raw', '::ffff:10.9.0.1', 'x')`)).rejects.toMatchObject({
      cause: { code: "23514" },
    });
    const holders = await t.db.select({ tenantId: routers.tenantId }).from(routers).where(eq(routers.ipAddress, "10.9.0.1"));
    expect(holders).toEqual([{ tenantId: a }]);
    await withTenant(t.db, b, (tx) => deleteRouter(tx, { tenantId: b, id: own.id }, actor));
    for (const r of [victim, victim6]) await withTenant(t.db, a, (tx) => deleteRouter(tx, { tenantId: a, id: r.id }, actor));
  });

  it("lets a tenant on trial register a limited number of routers", async () => {
    const [trial] = await t.db.insert(tenants).values({ name: "Trial", slug: "routers-trial", status: "TRIAL" }).returning();
    for (let i = 1; i <= TRIAL_ROUTER_LIMIT; i++) {
      await withTenant(t.db, trial.id, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: `Trial ${i}`, ipAddress: `10.77.0.${i}` }), tenantId: trial.id }, actor));
    }
    const e = await rejection(withTenant(t.db, trial.id, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "One too many", ipAddress: "10.77.0.99" }), tenantId: trial.id }, actor)));
    expect(e.code).toBe("FORBIDDEN");
    expect(e.message).toContain(`at most ${TRIAL_ROUTER_LIMIT} routers`);
    await t.db.update(tenants).set({ status: "ACTIVE" }).where(eq(tenants.id, trial.id));
    const more = await withTenant(t.db, trial.id, (tx) => createRouter(tx, { ...createRouterSchema.parse({ name: "Paid", ipAddress: "10.77.0.99" }), tenantId: trial.id }, actor));
    expect(more.name).toBe("Paid");
  });

  it("updates fields, keeps the secret when blank, and reports a duplicate IP on update", async () => {
    const [first] = (await findRouters(t.db, { tenantId: a, search: "Core" })).rows;
    const [before] = await t.db.select().from(routers).where(eq(routers.id, first.id));
    const updated = await withTenant(t.db, a, (tx) =>
      updateRouter(tx, { ...updateRouterSchema.parse({ name: "Core 1a", secret: "", coaPort: "1700", requireMessageAuthenticator: "false", location: "Nairobi" }), tenantId: a, id: first.id }, actor),
    );
    expect(updated).toMatchObject({ name: "Core 1a", coaPort: 1700, requireMessageAuthenticator: false, location: "Nairobi" });
    const [after] = await t.db.select().from(routers).where(eq(routers.id, first.id));
    expect(after.secretSealed).toBe(before.secretSealed);
    const e = await rejection(withTenant(t.db, a, (tx) => updateRouter(tx, { ...updateRouterSchema.parse({ ipAddress: "10.0.0.2" }), tenantId: a, id: first.id }, actor)));
    expect(e.code).toBe("CONFLICT");
    expect(Object.keys(e.details?.fieldErrors ?? {})).toEqual(["ipAddress"]);
  });

  it("lists with session counts and search", async () => {
    const [router] = (await findRouters(t.db, { tenantId: a, search: "Edge" })).rows;
    await t.db.insert(sessions).values({ tenantId: a, routerId: router.id, username: "u1", acctSessionId: "s1", startedAt: new Date() });
    const page = await findRouters(t.db, { tenantId: a });
    expect(page.total).toBe(2);
    expect(page.rows.find((r) => r.id === router.id)?.sessionCount).toBe(1);
    expect((await findRouters(t.db, { tenantId: b })).total).toBe(0);
  });

  it("gives NOT_FOUND for another tenant's router on every by-id service", async () => {
    const [router] = (await findRouters(t.db, { tenantId: a })).rows;
    const attempts: Array<() => Promise<unknown>> = [
      () => withTenant(t.db, b, (tx) => getRouter(tx, { tenantId: b, id: router.id })),
      () => withTenant(t.db, b, (tx) => getRouterSecret(tx, { tenantId: b, id: router.id }, actor)),
      () => withTenant(t.db, b, (tx) => updateRouter(tx, { ...updateRouterSchema.parse({ name: "Stolen" }), tenantId: b, id: router.id }, actor)),
      () => withTenant(t.db, b, (tx) => deleteRouter(tx, { tenantId: b, id: router.id }, actor)),
      () => getRouter(t.db, { tenantId: b, id: router.id }),
      () => getRouter(t.db, { tenantId: a, id: "not-a-uuid" }),
    ];
    for (const attempt of attempts) {
      expect((await rejection(attempt())).code).toBe("NOT_FOUND");
    }
    expect((await getRouter(t.db, { tenantId: a, id: router.id })).name).toBe(router.name);
  });

  it("deletes a router and notifies the RADIUS server", async () => {
    const listener = t.db.$client;
    const heard: string[] = [];
    const sub = await listener.listen("routers_changed", (payload) => heard.push(payload));
    const [router] = (await findRouters(t.db, { tenantId: a, search: "Edge" })).rows;
    await withTenant(t.db, a, (tx) => deleteRouter(tx, { tenantId: a, id: router.id }, actor));
    expect((await rejection(getRouter(t.db, { tenantId: a, id: router.id }))).code).toBe("NOT_FOUND");
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.length).toBeGreaterThanOrEqual(1);
    await sub.unlisten();
  });
});
