import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { authSessions, mailOutbox, rateLimits, tenants, users } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { withTenant } from "@/lib/db/tenant";
import { createTenant, createTenantSchema } from "@/lib/services/tenants/create-tenant";
import { registerTenant, registerTenantSchema } from "@/lib/services/tenants/register-tenant";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/services/api-keys/revoke-api-key";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { signIn } from "./sign-in";
import { changePassword } from "./change-password";
import { disableTotp } from "./disable-totp";
import { refreshSession } from "./refresh-session";
import { getSessionContext } from "./get-session-context";
import { getApiKeyContext, getApiKeyContextById } from "./get-api-key-context";

let t: TestDatabase;
let tenantA: string;
let alice: string;
const PASSWORD = "Kiambu-Fibre-2024!";
const api = { kind: "API" as const, ip: "10.0.0.1", userAgent: "vitest" };

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  resetEnvCache();
  const a = await createTenant(t.db, createTenantSchema.parse({ name: "Alpha Net", slug: "alpha", status: "ACTIVE", admin: { name: "Alice Admin", email: "alice@alpha.test", password: PASSWORD } }));
  tenantA = a!.tenant.id;
  alice = a!.admin.id;
});
afterAll(() => t.drop());

const clearLimits = () => t.db.delete(rateLimits);

describe("limiters count on their own connection", () => {
  it("failed password changes inside the action's tenant transaction are counted although it rolls back", async () => {
    await clearLimits();
    const [before] = await t.db.select().from(users).where(eq(users.id, alice));
    for (let i = 0; i < 10; i++) {
      await expect(
        withTenant(t.db, tenantA, (tx) => changePassword(tx, { tenantId: tenantA, userId: alice, currentPassword: `wrong-${i}-guess`, newPassword: "Fine-Password-99" }, {}, { limits: t.db })),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(
      withTenant(t.db, tenantA, (tx) => changePassword(tx, { tenantId: tenantA, userId: alice, currentPassword: PASSWORD, newPassword: "Fine-Password-99" }, {}, { limits: t.db })),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const [after] = await t.db.select().from(users).where(eq(users.id, alice));
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it("turning off two-factor checks the password under a limit", async () => {
    await clearLimits();
    for (let i = 0; i < 10; i++) {
      await expect(withTenant(t.db, tenantA, (tx) => disableTotp(tx, { tenantId: tenantA, userId: alice, password: `wrong-${i}-guess` }, {}, { limits: t.db }))).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
    }
    await expect(withTenant(t.db, tenantA, (tx) => disableTotp(tx, { tenantId: tenantA, userId: alice, password: PASSWORD }, {}, { limits: t.db }))).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("refuses to count inside a transaction, where a rollback would undo the count", async () => {
    await expect(t.db.transaction((tx) => enforceRateLimits(tx as never, [{ key: "x", limit: 1, windowSeconds: 60 }]))).rejects.toThrow(/own connection/);
  });
});

describe("refresh-token reuse", () => {
  it("a second use of a rotated refresh token ends the whole session: the thief's and the owner's new tokens stop", async () => {
    await clearLimits();
    const s = await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, api);
    // The thief refreshes first with the copied token…
    const thief = await refreshSession(t.db, { refreshToken: s.refreshToken! }, { ip: "10.9.9.9" });
    // …then the owner presents the same (now rotated) token.
    await expect(refreshSession(t.db, { refreshToken: s.refreshToken! }, { ip: "10.0.0.1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(refreshSession(t.db, { refreshToken: thief.refreshToken }, { ip: "10.9.9.9" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await getSessionContext(t.db, s.sessionId)).toBeNull();
    const [row] = await t.db.select().from(authSessions).where(eq(authSessions.id, s.sessionId));
    expect(row.revokedAt).not.toBeNull();
  });

  it("the owner refreshing first, then the thief replaying: the owner's new token stops too", async () => {
    await clearLimits();
    const s = await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, api);
    const owner = await refreshSession(t.db, { refreshToken: s.refreshToken! }, { ip: "10.0.0.1" });
    await expect(refreshSession(t.db, { refreshToken: s.refreshToken! }, { ip: "10.9.9.9" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(refreshSession(t.db, { refreshToken: owner.refreshToken }, { ip: "10.0.0.1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("an unknown token revokes nothing", async () => {
    await clearLimits();
    const s = await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, api);
    await expect(refreshSession(t.db, { refreshToken: "x".repeat(43) }, { ip: "10.0.0.1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await getSessionContext(t.db, s.sessionId)).not.toBeNull();
  });
});

describe("registration does not tell who has an account", () => {
  it("answers a taken email exactly like a new one, and mails the owner instead", async () => {
    await clearLimits();
    const fresh = await registerTenant(t.db, registerTenantSchema.parse({ name: "Gamma Net", slug: "gamma", adminName: "Gina", email: "gina@gamma.test", password: PASSWORD }), { ip: "192.0.2.1" });
    const taken = await registerTenant(t.db, registerTenantSchema.parse({ name: "Evil Net", slug: "evil", adminName: "Eve", email: "Alice@Alpha.test", password: PASSWORD }), { ip: "192.0.2.1" });
    expect(Object.keys(taken).sort()).toEqual(Object.keys(fresh).sort());
    expect(taken).toEqual({ ...fresh, email: "alice@alpha.test" });
    expect(await t.db.select().from(tenants).where(eq(tenants.slug, "evil"))).toHaveLength(0);
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, "alice@alpha.test"));
    expect(mails.map((m) => m.subject)).toContain("Someone tried to register an ISP with your address");
    // The taken slug is still refused the same way for both.
    await expect(registerTenant(t.db, registerTenantSchema.parse({ name: "G2", slug: "gamma", adminName: "Gina", email: "alice@alpha.test", password: PASSWORD }), { ip: "192.0.2.2" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { slug: expect.any(Array) } },
    });
    await expect(registerTenant(t.db, registerTenantSchema.parse({ name: "G2", slug: "gamma", adminName: "Gina", email: "new@gamma2.test", password: PASSWORD }), { ip: "192.0.2.2" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { slug: expect.any(Array) } },
    });
  });
});

describe("API keys", () => {
  it("stop working when the tenant's trial has ended", async () => {
    const g = await createTenant(t.db, createTenantSchema.parse({ name: "Trial Net", slug: "trial-net", status: "TRIAL", trialDays: 14, admin: { name: "Tom", email: "tom@trial.test", password: PASSWORD } }));
    const key = await createApiKey(t.db, { name: "billing", role: "ADMIN", tenantId: g!.tenant.id }, {});
    expect(await getApiKeyContext(t.db, key.key)).toMatchObject({ tenantId: g!.tenant.id });
    await t.db.update(tenants).set({ trialEndsAt: sql`now() - interval '1 minute'` }).where(eq(tenants.id, g!.tenant.id));
    expect(await getApiKeyContext(t.db, key.key)).toBeNull();
    expect(await getApiKeyContextById(t.db, key.id)).toBeNull();
  });

  it("a revoked key is refused when looked up again by id (what a live stream re-checks)", async () => {
    const key = await createApiKey(t.db, { name: "monitor", role: "VIEWER", tenantId: tenantA }, {});
    expect(await getApiKeyContextById(t.db, key.id)).toMatchObject({ apiKeyId: key.id, tenantId: tenantA });
    await revokeApiKey(t.db, { id: key.id, tenantId: tenantA }, {});
    expect(await getApiKeyContextById(t.db, key.id)).toBeNull();
    expect(await getApiKeyContext(t.db, key.key)).toBeNull();
  });
});
