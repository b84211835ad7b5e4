import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, authSessions, mailOutbox, users } from "@/lib/db/schema";
import { withTenant } from "@/lib/db/tenant";
import { resetEnvCache } from "@/lib/env";
import { createTenant, createTenantSchema } from "@/lib/services/tenants/create-tenant";
import { signIn } from "@/lib/services/auth/sign-in";
import { getSessionContext } from "@/lib/services/auth/get-session-context";
import { getApiKeyContext } from "@/lib/services/auth/get-api-key-context";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { findApiKeys } from "@/lib/services/api-keys/find-api-keys";
import { revokeApiKey } from "@/lib/services/api-keys/revoke-api-key";
import { getTenant } from "@/lib/services/tenants/get-tenant";
import { updateTenantProfile, updateTenantProfileSchema } from "@/lib/services/tenants/update-tenant-profile";
import { updateSecuritySettings, updateSecuritySettingsSchema } from "@/lib/services/tenants/update-security-settings";
import { findOutboxMail, findOutboxMailSchema } from "@/lib/services/tenants/find-outbox-mail";
import { findAuditEntries, findAuditEntriesSchema } from "@/lib/services/audit/find-audit-entries";
import { createUser, createUserSchema } from "./create-user";
import { findUsers, findUsersSchema } from "./find-users";
import { getUser } from "./get-user";
import { updateUser } from "./update-user";
import { setUserActive, setUserActiveSchema } from "./set-user-active";
import { issuePasswordReset } from "./issue-password-reset";

let t: TestDatabase;
let A: string;
let B: string;
let adminA: string;
let adminB: string;
const PASSWORD = "Mombasa-Wireless-77";
const actor = { label: "test" };
const web = { kind: "WEB" as const, ip: null, userAgent: null };

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  resetEnvCache();
  const a = await createTenant(t.db, createTenantSchema.parse({ name: "Alpha", slug: "alpha", status: "ACTIVE", admin: { name: "Alice", email: "alice@a.test", password: PASSWORD } }));
  const b = await createTenant(t.db, createTenantSchema.parse({ name: "Beta", slug: "beta", status: "ACTIVE", admin: { name: "Bob", email: "bob@b.test", password: PASSWORD } }));
  A = a!.tenant.id;
  B = b!.tenant.id;
  adminA = a!.admin.id;
  adminB = b!.admin.id;
});
afterAll(() => t.drop());

describe("team management", () => {
  it("creates a member with a password or with a mailed single-use link, and audits it", async () => {
    const withPw = await withTenant(t.db, A, (tx) => createUser(tx, { ...createUserSchema.parse({ name: "Wafula", email: "Wafula@A.test", role: "STAFF", passwordMode: "password", password: "Wafula-Staff-Pass-1" }), tenantId: A }, actor));
    expect(withPw!.user.email).toBe("wafula@a.test");
    expect((await signIn(t.db, { email: "wafula@a.test", password: "Wafula-Staff-Pass-1" }, web)).user.role).toBe("STAFF");

    const withLink = await withTenant(t.db, A, (tx) => createUser(tx, { ...createUserSchema.parse({ name: "Njeri", email: "njeri@a.test", role: "VIEWER", passwordMode: "link" }), tenantId: A, appUrl: "http://x.test" }, actor));
    expect(withLink!.resetUrl).toMatch(/^http:\/\/x\.test\/reset-password\?token=/);
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, "njeri@a.test"));
    expect(mails).toHaveLength(1);
    // The admin sees the invitation in the outbox, but not the link that would let them use it.
    const token = new URL(withLink!.resetUrl!).searchParams.get("token")!;
    expect(mails[0].body).not.toContain(token);
    expect(mails[0].body).not.toContain(encodeURIComponent(token));
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
    expect(audits.length).toBe(2);
    expect(JSON.stringify(audits)).not.toContain("Wafula-Staff-Pass-1");
  });

  it("names every bad field and refuses a duplicate email", async () => {
    expect(createUserSchema.safeParse({ name: "", email: "x", role: "ROOT", passwordMode: "password" }).error).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["name"] }), expect.objectContaining({ path: ["email"] }), expect.objectContaining({ path: ["role"] }), expect.objectContaining({ path: ["password"] })]),
    });
    await expect(createUser(t.db, { ...createUserSchema.parse({ name: "Dup", email: "bob@b.test", role: "STAFF", passwordMode: "password", password: "Another-Fine-Pass-1" }), tenantId: A }, actor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { email: expect.any(Array) } },
    });
  });

  it("a role change or deactivation ends the member's sessions", async () => {
    const s = await signIn(t.db, { email: "wafula@a.test", password: "Wafula-Staff-Pass-1" }, web);
    const [w] = await t.db.select().from(users).where(eq(users.email, "wafula@a.test"));
    await updateUser(t.db, { tenantId: A, id: w.id, role: "VIEWER" }, actor);
    expect(await getSessionContext(t.db, s.sessionId)).toBeNull();
    const s2 = await signIn(t.db, { email: "wafula@a.test", password: "Wafula-Staff-Pass-1" }, web);
    const r = await setUserActive(t.db, { tenantId: A, id: w.id, active: false }, actor);
    expect(r.sessionsEnded).toBe(1);
    expect(await getSessionContext(t.db, s2.sessionId)).toBeNull();
    await expect(signIn(t.db, { email: "wafula@a.test", password: "Wafula-Staff-Pass-1" }, web)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setUserActive(t.db, { ...setUserActiveSchema.parse({ id: w.id, active: "true" }), tenantId: A }, actor);
    await signIn(t.db, { email: "wafula@a.test", password: "Wafula-Staff-Pass-1" }, web);
  });

  it("never leaves a tenant without an active admin", async () => {
    await expect(updateUser(t.db, { tenantId: A, id: adminA, role: "STAFF" }, actor)).rejects.toMatchObject({ code: "CONFLICT", details: { fieldErrors: { role: expect.any(Array) } } });
    await expect(setUserActive(t.db, { tenantId: A, id: adminA, active: false }, actor)).rejects.toMatchObject({ code: "CONFLICT" });
    const [w] = await t.db.select().from(users).where(eq(users.email, "wafula@a.test"));
    await updateUser(t.db, { tenantId: A, id: w.id, role: "ADMIN" }, actor);
    await updateUser(t.db, { tenantId: A, id: adminA, role: "STAFF" }, actor);
    await updateUser(t.db, { tenantId: A, id: adminA, role: "ADMIN" }, actor);
  });

  it("an admin's reset link is shown once and recorded in the outbox without the link", async () => {
    const [w] = await t.db.select().from(users).where(eq(users.email, "wafula@a.test"));
    const link = await issuePasswordReset(t.db, { tenantId: A, id: w.id, appUrl: "http://x.test" }, actor);
    expect(link.url).toContain("token=");
    const outbox = await withTenant(t.db, A, (tx) => findOutboxMail(tx, { ...findOutboxMailSchema.parse({}), tenantId: A }));
    const mail = outbox.rows.find((m) => m.to === "wafula@a.test" && m.subject.startsWith("Reset"))!;
    expect(mail.body).toContain("Hello Wafula");
    expect(mail.body).not.toContain(new URL(link.url).searchParams.get("token")!);
    const outboxB = await withTenant(t.db, B, (tx) => findOutboxMail(tx, { ...findOutboxMailSchema.parse({}), tenantId: B }));
    expect(outboxB.rows.some((m) => m.to.endsWith("@a.test"))).toBe(false);
  });

  it("another tenant's user id is NOT_FOUND everywhere", async () => {
    await expect(getUser(t.db, { tenantId: A, id: adminB })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getUser(t.db, { tenantId: A, id: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateUser(t.db, { tenantId: A, id: adminB, name: "pwned" }, actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setUserActive(t.db, { tenantId: A, id: adminB, active: false }, actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issuePasswordReset(t.db, { tenantId: A, id: adminB, appUrl: "http://x" }, actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await withTenant(t.db, A, (tx) => findUsers(tx, { ...findUsersSchema.parse({}), tenantId: A }));
    expect(list.map((u) => u.email)).not.toContain("bob@b.test");
    // A search is literal: "%" is a character, not "everyone".
    expect(await withTenant(t.db, A, (tx) => findUsers(tx, { ...findUsersSchema.parse({ q: "%" }), tenantId: A }))).toEqual([]);
    const [bob] = await t.db.select().from(users).where(eq(users.id, adminB));
    expect(bob).toMatchObject({ name: "Bob", active: true, role: "ADMIN" });
  });
});

describe("API keys", () => {
  it("are shown once, stored hashed, scoped to tenant and role, and stop when revoked", async () => {
    const key = await createApiKey(t.db, { tenantId: A, name: "Billing", role: "STAFF" }, actor);
    expect(key.key).toMatch(/^isp_[a-z0-9]{8}_[A-Za-z0-9_-]+$/);
    const listed = await findApiKeys(t.db, { tenantId: A });
    expect(JSON.stringify(listed)).not.toContain(key.key);
    const ctx = await getApiKeyContext(t.db, key.key);
    expect(ctx).toMatchObject({ tenantId: A, role: "STAFF" });
    await expect(revokeApiKey(t.db, { tenantId: B, id: key.id }, actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getApiKeyContext(t.db, key.key)).not.toBeNull();
    await revokeApiKey(t.db, { tenantId: A, id: key.id }, actor);
    expect(await getApiKeyContext(t.db, key.key)).toBeNull();
    expect(await findApiKeys(t.db, { tenantId: B })).toHaveLength(0);
  });
});

describe("tenant settings and audit", () => {
  it("updates the profile with field errors, and records before/after", async () => {
    expect(updateTenantProfileSchema.safeParse({ name: "Alpha", currency: "KSH1", timezone: "Mars/Base", country: "KE", logoUrl: "ftp://x" }).error).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["currency"] }), expect.objectContaining({ path: ["timezone"] }), expect.objectContaining({ path: ["logoUrl"] })]),
    });
    // Codes that only look like ISO codes are refused too: the profile offers lists, not free text.
    expect(updateTenantProfileSchema.safeParse({ name: "Alpha", currency: "ABC", timezone: "Africa/Nairobi", country: "QQ" }).error).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["currency"], message: "Choose a currency from the list" }), expect.objectContaining({ path: ["country"] })]),
    });
    await withTenant(t.db, A, (tx) =>
      updateTenantProfile(tx, { ...updateTenantProfileSchema.parse({ name: "Alpha Fibre", currency: "ugx", timezone: "Africa/Kampala", country: "ug", contactPhone: "+256 700 000000", logoUrl: "" }), tenantId: A }, actor),
    );
    expect(await getTenant(t.db, { tenantId: A })).toMatchObject({ name: "Alpha Fibre", currency: "UGX", country: "UG", logoUrl: null });
    const page = await withTenant(t.db, A, (tx) => findAuditEntries(tx, { ...findAuditEntriesSchema.parse({ action: "tenant.update" }), tenantId: A }));
    expect(page.rows[0]).toMatchObject({ before: { name: "Alpha" }, after: { name: "Alpha Fibre" } });
    // B's profile and audit stay B's.
    expect(await getTenant(t.db, { tenantId: B })).toMatchObject({ name: "Beta" });
    await expect(withTenant(t.db, A, (tx) => getTenant(tx, { tenantId: B }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("requiring 2FA marks members without it", async () => {
    await updateSecuritySettings(t.db, { ...updateSecuritySettingsSchema.parse({ requireTotp: "on" }), tenantId: A }, actor);
    const s = await signIn(t.db, { email: "alice@a.test", password: PASSWORD }, web);
    expect(await getSessionContext(t.db, s.sessionId)).toMatchObject({ totpRequired: true, totpEnabled: false });
    const sb = await signIn(t.db, { email: "bob@b.test", password: PASSWORD }, web);
    expect(await getSessionContext(t.db, sb.sessionId)).toMatchObject({ totpRequired: false });
    await updateSecuritySettings(t.db, { tenantId: A, requireTotp: false }, actor);
  });

  it("the audit log filters and pages, and never shows another tenant's entries", async () => {
    const all = await withTenant(t.db, A, (tx) => findAuditEntries(tx, { ...findAuditEntriesSchema.parse({ pageSize: 2 }), tenantId: A }));
    expect(all.rows).toHaveLength(2);
    expect(all.pageCount).toBeGreaterThan(1);
    const byActor = await withTenant(t.db, A, (tx) => findAuditEntries(tx, { ...findAuditEntriesSchema.parse({ actor: "test", action: "user." }), tenantId: A }));
    expect(byActor.rows.every((r) => r.action.startsWith("user."))).toBe(true);
    const future = await withTenant(t.db, A, (tx) => findAuditEntries(tx, { ...findAuditEntriesSchema.parse({ from: "2999-01-01" }), tenantId: A }));
    expect(future.total).toBe(0);
    const fromB = await withTenant(t.db, B, (tx) => findAuditEntries(tx, { ...findAuditEntriesSchema.parse({ pageSize: 200 }), tenantId: B }));
    expect(fromB.rows.some((r) => r.targetId === A)).toBe(false);
    const sessions = await t.db.select().from(authSessions);
    expect(sessions.length).toBeGreaterThan(0);
  });
});
