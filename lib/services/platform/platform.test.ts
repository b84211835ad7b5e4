import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, customers, tenants, users } from "@/lib/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createTenant, createTenantSchema } from "@/lib/services/tenants/create-tenant";
import { registerTenant, registerTenantSchema } from "@/lib/services/tenants/register-tenant";
import { signIn } from "@/lib/services/auth/sign-in";
import { getSessionContext } from "@/lib/services/auth/get-session-context";
import { findPlatformTenants } from "./find-platform-tenants";
import { setTenantStatus, setTenantStatusSchema } from "./set-tenant-status";
import { extendTrial, extendTrialSchema } from "./extend-trial";
import { closeTenant, openTenant } from "./open-tenant";

let t: TestDatabase;
let A: string;
const PASSWORD = "Nakuru-Towers-2025";
const web = { kind: "WEB" as const, ip: null, userAgent: null };
const op = { label: "operator:op@platform.test" };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insert(users).values({ tenantId: null, email: "op@platform.test", name: "Operator", passwordHash: await hashPassword(PASSWORD), role: "SUPER_ADMIN" });
  const a = await createTenant(t.db, createTenantSchema.parse({ name: "Alpha", slug: "alpha", status: "ACTIVE", admin: { name: "Alice", email: "alice@a.test", password: PASSWORD } }));
  A = a!.tenant.id;
  await t.db.insert(customers).values([
    { tenantId: A, type: "PPPOE", name: "C1", username: "c1" },
    { tenantId: A, type: "HOTSPOT", name: "C2", username: "c2" },
  ]);
});
afterAll(() => t.drop());

describe("platform operator", () => {
  it("registration starts a trial with an end date and is rate limited per IP", async () => {
    expect(await registerTenant(t.db, registerTenantSchema.parse({ name: "Gamma", slug: "gamma", adminName: "Gina", email: "gina@g.test", password: PASSWORD }), { ip: "192.0.2.1" })).toEqual({ email: "gina@g.test" });
    const [r] = await t.db.select().from(tenants).where(eq(tenants.slug, "gamma"));
    expect(r.status).toBe("TRIAL");
    expect(r.trialEndsAt!.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    await expect(registerTenant(t.db, registerTenantSchema.parse({ name: "Gamma 2", slug: "gamma", adminName: "Gina", email: "gina2@g.test", password: PASSWORD }), { ip: "192.0.2.1" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { slug: expect.any(Array) } },
    });
    // Refused attempts count too (here: a taken slug, each with a new address).
    for (let i = 0; i < 8; i++) {
      await registerTenant(t.db, registerTenantSchema.parse({ name: "Gamma", slug: "gamma", adminName: "Gina", email: `gina${i + 3}@g.test`, password: PASSWORD }), { ip: "192.0.2.1" }).catch(() => undefined);
    }
    await expect(registerTenant(t.db, registerTenantSchema.parse({ name: "Delta", slug: "delta", adminName: "Dan", email: "dan@d.test", password: PASSWORD }), { ip: "192.0.2.1" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Try again in \d+ s/),
    });
  });

  it("searches names literally: % and _ are characters, not wildcards", async () => {
    expect(await findPlatformTenants(t.db, { q: "%" })).toEqual([]);
    expect(await findPlatformTenants(t.db, { q: "_" })).toEqual([]);
  });

  it("lists tenants with their counts", async () => {
    const rows = await findPlatformTenants(t.db, {});
    expect(rows.find((r) => r.id === A)).toMatchObject({ customers: 2, routers: 0, activeSessions: 0, staff: 1 });
    expect(await findPlatformTenants(t.db, { status: "TRIAL" })).toHaveLength(1);
  });

  it("suspension ends live sessions and tells staff why; activation lets them back", async () => {
    const s = await signIn(t.db, { email: "alice@a.test", password: PASSWORD }, web);
    expect(setTenantStatusSchema.safeParse({ tenantId: A, status: "SUSPENDED", reason: "" }).error).toMatchObject({ name: "ZodError" });
    await setTenantStatus(t.db, { tenantId: A, status: "SUSPENDED", reason: "Unpaid March invoice", mode: "REFUSE" }, op);
    expect(await getSessionContext(t.db, s.sessionId)).toBeNull();
    await expect(signIn(t.db, { email: "alice@a.test", password: PASSWORD }, web)).rejects.toThrow(/Unpaid March invoice\. Your subscribers cannot connect until it is reactivated/);
    expect((await findPlatformTenants(t.db, { q: "alpha" }))[0]).toMatchObject({ status: "SUSPENDED", suspensionMode: "REFUSE" });
    await setTenantStatus(t.db, setTenantStatusSchema.parse({ tenantId: A, status: "ACTIVE" }), op);
    await signIn(t.db, { email: "alice@a.test", password: PASSWORD }, web);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.tenantId, A));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(["platform.tenant_suspend", "platform.tenant_activate"]));
  });

  it("extends a trial, also after it ended", async () => {
    const [g] = (await findPlatformTenants(t.db, { q: "gamma" }));
    const r = await extendTrial(t.db, extendTrialSchema.parse({ tenantId: g.id, days: "7" }), op);
    expect(r.trialEndsAt.getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000);
    await expect(extendTrial(t.db, { tenantId: A, days: 7 }, op)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(extendTrial(t.db, { tenantId: "00000000-0000-4000-8000-000000000000", days: 7 }, op)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("opens a tenant as that tenant (audited in its log) and returns", async () => {
    const s = await signIn(t.db, { email: "op@platform.test", password: PASSWORD }, web);
    expect(await getSessionContext(t.db, s.sessionId)).toMatchObject({ tenantId: null, impersonating: false });
    await openTenant(t.db, { tenantId: A, sessionId: s.sessionId }, op);
    expect(await getSessionContext(t.db, s.sessionId)).toMatchObject({ tenantId: A, impersonating: true, role: "SUPER_ADMIN" });
    await closeTenant(t.db, { sessionId: s.sessionId }, op);
    expect(await getSessionContext(t.db, s.sessionId)).toMatchObject({ tenantId: null });
    const visits = await t.db.select().from(auditLog).where(eq(auditLog.tenantId, A));
    expect(visits.map((v) => v.action)).toEqual(expect.arrayContaining(["platform.tenant_open", "platform.tenant_close"]));
    // A tenant admin's session cannot be used to open another tenant.
    const admin = await signIn(t.db, { email: "alice@a.test", password: PASSWORD }, web);
    await expect(openTenant(t.db, { tenantId: A, sessionId: admin.sessionId }, op)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("suspension needs a choice for the subscribers; GRACE tells the staff their subscribers keep service", async () => {
    const g = await createTenant(t.db, createTenantSchema.parse({ name: "Grace", slug: "grace", status: "ACTIVE", admin: { name: "Gail", email: "gail@g.test", password: PASSWORD } }));
    const id = g!.tenant.id;
    expect(setTenantStatusSchema.safeParse({ tenantId: id, status: "SUSPENDED", reason: "Late payment" }).error).toMatchObject({
      issues: [expect.objectContaining({ path: ["mode"], message: "Choose whether the ISP's subscribers keep service or are refused" })],
    });
    await setTenantStatus(t.db, { tenantId: id, status: "SUSPENDED", reason: "Late payment", mode: "GRACE" }, op);
    await expect(signIn(t.db, { email: "gail@g.test", password: PASSWORD }, web)).rejects.toMatchObject({
      message: expect.stringContaining("Your subscribers keep their service for now."),
      details: { reason: "TENANT_SUSPENDED", suspensionMode: "GRACE" },
    });
    const [row] = await findPlatformTenants(t.db, { q: "grace" });
    expect(row).toMatchObject({ status: "SUSPENDED", suspensionMode: "GRACE" });
    await setTenantStatus(t.db, setTenantStatusSchema.parse({ tenantId: id, status: "ACTIVE" }), op);
    expect((await findPlatformTenants(t.db, { q: "grace" }))[0]).toMatchObject({ status: "ACTIVE", suspensionMode: null });
  });

  it("reactivating a suspended trial keeps its end date, unless the operator ends the trial", async () => {
    const r = await createTenant(t.db, createTenantSchema.parse({ name: "Trial Co", slug: "trial-co", trialDays: 10, admin: { name: "Tom", email: "tom@t.test", password: PASSWORD } }));
    const id = r!.tenant.id;
    const ends = r!.tenant.trialEndsAt!;
    await setTenantStatus(t.db, { tenantId: id, status: "SUSPENDED", reason: "Abuse report", mode: "REFUSE" }, op);
    const resumed = await setTenantStatus(t.db, setTenantStatusSchema.parse({ tenantId: id, status: "ACTIVE" }), op);
    expect(resumed).toMatchObject({ status: "TRIAL", trialEndsAt: ends, suspensionMode: null });
    await setTenantStatus(t.db, { tenantId: id, status: "SUSPENDED", reason: "Abuse report", mode: "GRACE" }, op);
    const paid = await setTenantStatus(t.db, setTenantStatusSchema.parse({ tenantId: id, status: "ACTIVE", endTrial: "true" }), op);
    expect(paid).toMatchObject({ status: "ACTIVE", trialEndsAt: null });
  });
});
