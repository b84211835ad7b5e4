import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { authSessions, mailOutbox, passwordResetTokens, rateLimits, users } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { createTenant, createTenantSchema } from "@/lib/services/tenants/create-tenant";
import { signIn } from "./sign-in";
import { getSessionContext, mustEnrolTotp } from "./get-session-context";
import { updateSecuritySettings } from "@/lib/services/tenants/update-security-settings";
import { revokeSession } from "./sign-out";
import { changePassword, changePasswordSchema } from "./change-password";
import { refreshSession } from "./refresh-session";
import { requestPasswordReset, requestPasswordResetSchema } from "./request-password-reset";
import { resetPassword, resetPasswordSchema } from "./reset-password";
import { startTotpEnrolment } from "./start-totp-enrolment";
import { confirmTotpEnrolment } from "./confirm-totp-enrolment";
import { disableTotp } from "./disable-totp";
import { signAccessToken, verifyAccessToken } from "./access-token";
import { currentTotp } from "./totp";
import { authenticator } from "otplib";
import { setMailTransport } from "@/lib/mail/send-mail";
import type { SmtpMessage } from "@/lib/mail/smtp";

let t: TestDatabase;
let tenantA: string;
let tenantB: string;
const PASSWORD = "Kiambu-Fibre-2024!";
const web = { kind: "WEB" as const, ip: "10.0.0.1", userAgent: "vitest" };
const api = { kind: "API" as const, ip: "10.0.0.1", userAgent: "vitest" };
const appUrl = "http://isp.test";

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // env() needs it (the keyring seals TOTP secrets)
  resetEnvCache();
  const a = await createTenant(t.db, createTenantSchema.parse({ name: "Alpha Net", slug: "alpha", status: "ACTIVE", admin: { name: "Alice Admin", email: "alice@alpha.test", password: PASSWORD } }));
  const b = await createTenant(t.db, createTenantSchema.parse({ name: "Beta Net", slug: "beta", status: "ACTIVE", admin: { name: "Bob Admin", email: "bob@beta.test", password: PASSWORD } }));
  tenantA = a!.tenant.id;
  tenantB = b!.tenant.id;
});
afterAll(() => t.drop());

async function clearLimits() {
  await t.db.delete(rateLimits);
}

describe("sessions are revocable", () => {
  it("sign-out cuts off a copied session id and access token at once", async () => {
    const s = await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, web);
    const token = signAccessToken("x".repeat(40), { sid: s.sessionId, sub: s.user.id });
    expect(await getSessionContext(t.db, verifyAccessToken("x".repeat(40), token)!.sid)).toMatchObject({ tenantId: tenantA, role: "ADMIN" });
    await revokeSession(t.db, { sessionId: s.sessionId, tenantId: tenantA, actor: { userId: s.user.id } });
    // The copied token still verifies cryptographically, but its session is gone.
    expect(verifyAccessToken("x".repeat(40), token)).not.toBeNull();
    expect(await getSessionContext(t.db, s.sessionId)).toBeNull();
  });

  it("changing the password ends every other session but keeps the current one", async () => {
    await clearLimits();
    const current = await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, web);
    const stolen = await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, api);
    const r = await changePassword(
      t.db,
      { tenantId: tenantA, userId: current.user.id, sessionId: current.sessionId, currentPassword: PASSWORD, newPassword: "Another-Long-Pass-77" },
      { userId: current.user.id },
      { limits: t.db },
    );
    expect(r.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await getSessionContext(t.db, current.sessionId)).not.toBeNull();
    expect(await getSessionContext(t.db, stolen.sessionId)).toBeNull();
    await expect(refreshSession(t.db, { refreshToken: stolen.refreshToken! }, { ip: null })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, web)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Put it back for the other tests.
    await changePassword(t.db, { tenantId: tenantA, userId: current.user.id, currentPassword: "Another-Long-Pass-77", newPassword: PASSWORD }, {}, { limits: t.db });
  });

  it("refuses a wrong current password and a weak new one, naming the field", async () => {
    const [alice] = await t.db.select().from(users).where(eq(users.email, "alice@alpha.test"));
    await expect(changePassword(t.db, { tenantId: tenantA, userId: alice.id, currentPassword: "nope-nope-nope", newPassword: "Fine-Password-99" }, {}, { limits: t.db })).rejects.toMatchObject({
      details: { fieldErrors: { currentPassword: expect.any(Array) } },
    });
    const weak = changePasswordSchema.safeParse({ currentPassword: PASSWORD, newPassword: "password123" }).error;
    expect(weak).toMatchObject({ name: "ZodError" });
    expect(weak!.issues.map((i) => i.path.join("."))).toContain("newPassword");
    // A cross-field rule is reported with the field errors (here a missing one), not only once they are fixed.
    const both = changePasswordSchema.safeParse({ newPassword: "password123", confirmPassword: "password124" }).error!;
    expect([...new Set(both.issues.map((i) => i.path.join(".")))].sort()).toEqual(["confirmPassword", "currentPassword", "newPassword"]);
    const reset = resetPasswordSchema.safeParse({ password: "password123", confirmPassword: "other" }).error!;
    expect([...new Set(reset.issues.map((i) => i.path.join(".")))].sort()).toEqual(["confirmPassword", "password", "token"]);
  });

  it("another tenant's user id is NOT_FOUND for a password change", async () => {
    const [bob] = await t.db.select().from(users).where(eq(users.email, "bob@beta.test"));
    await expect(changePassword(t.db, { tenantId: tenantA, userId: bob.id, currentPassword: PASSWORD, newPassword: "Fine-Password-99" }, {}, { limits: t.db })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("refresh tokens rotate", () => {
  it("a refresh token works once; the new one works; logout kills the chain", async () => {
    await clearLimits();
    const s = await signIn(t.db, { email: "bob@beta.test", password: PASSWORD }, api);
    const first = await refreshSession(t.db, { refreshToken: s.refreshToken! }, { ip: "10.0.0.2" });
    expect(first.context.sessionId).toBe(s.sessionId);
    expect(first.refreshToken).not.toBe(s.refreshToken);
    const second = await refreshSession(t.db, { refreshToken: first.refreshToken }, { ip: "10.0.0.2" });
    expect(second.context.tenantId).toBe(tenantB);
    // Logout kills the refresh token too. (A replayed old token ends the session: edge-hardening.test.ts.)
    await revokeSession(t.db, { sessionId: s.sessionId, tenantId: tenantB, actor: {} });
    await expect(refreshSession(t.db, { refreshToken: second.refreshToken }, { ip: "10.0.0.2" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("password reset", () => {
  // What the recipient receives: the link is only in the mail as sent, never in the outbox.
  const delivered: SmtpMessage[] = [];
  beforeAll(() => setMailTransport({ send: async (m) => void delivered.push(m) }));
  afterAll(() => setMailTransport(undefined));
  async function latestLink(email: string) {
    const mail = delivered.filter((m) => m.to === email).at(-1)!;
    return mail.text.match(/token=([A-Za-z0-9_-]+)/)![1];
  }

  it("keeps no usable token in the outbox row an admin can read", async () => {
    await clearLimits();
    await requestPasswordReset(t.db, { email: "alice@alpha.test" }, { ip: "10.0.0.4", appUrl });
    const token = await latestLink("alice@alpha.test");
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, "alice@alpha.test")).orderBy(sql`created_at desc`).limit(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.body).toContain("[link removed: sent to the recipient only]");
    expect(row.body).not.toContain(token);
    expect(row.body).not.toContain(encodeURIComponent(token));
  });

  it("answers the same for unknown addresses and sends nothing", async () => {
    await clearLimits();
    const before = await t.db.select().from(mailOutbox);
    await expect(requestPasswordReset(t.db, { email: "nobody@nowhere.test" }, { ip: "10.0.0.3", appUrl })).resolves.toBeUndefined();
    expect(await t.db.select().from(mailOutbox)).toHaveLength(before.length);
  });

  it("is single-use, ends every session, and stores only a hash", async () => {
    await clearLimits();
    const s = await signIn(t.db, { email: "bob@beta.test", password: PASSWORD }, web);
    await requestPasswordReset(t.db, requestPasswordResetSchema.parse({ email: "BOB@beta.test" }), { ip: "10.0.0.3", appUrl });
    const token = await latestLink("bob@beta.test");
    const stored = await t.db.select().from(passwordResetTokens);
    expect(stored.some((r) => r.tokenHash.includes(token))).toBe(false);

    await resetPassword(t.db, { token, password: "Brand-New-Secret-42" }, { ip: "10.0.0.3" });
    expect(await getSessionContext(t.db, s.sessionId)).toBeNull();
    await expect(resetPassword(t.db, { token, password: "Yet-Another-Secret-42" }, { ip: "10.0.0.3" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const ok = await signIn(t.db, { email: "bob@beta.test", password: "Brand-New-Secret-42" }, web);
    expect(ok.user.email).toBe("bob@beta.test");
  });

  it("expires after an hour", async () => {
    await clearLimits();
    await requestPasswordReset(t.db, { email: "bob@beta.test" }, { ip: "10.0.0.4", appUrl });
    const token = await latestLink("bob@beta.test");
    await t.db.update(passwordResetTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(sql`used_at is null`);
    await expect(resetPassword(t.db, { token, password: "Expired-Link-Pass-1" }, { ip: "10.0.0.4" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("a newer link replaces an older unused one", async () => {
    await clearLimits();
    await requestPasswordReset(t.db, { email: "bob@beta.test" }, { ip: "10.0.0.5", appUrl });
    const older = await latestLink("bob@beta.test");
    await new Promise((r) => setTimeout(r, 5));
    await requestPasswordReset(t.db, { email: "bob@beta.test" }, { ip: "10.0.0.5", appUrl });
    const newer = await latestLink("bob@beta.test");
    await expect(resetPassword(t.db, { token: older, password: "Older-Link-Pass-11" }, { ip: null })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await resetPassword(t.db, { token: newer, password: PASSWORD }, { ip: null });
  });
});

describe("two-factor sign-in", () => {
  it("enrols with a code, then asks for it; recovery codes work once", async () => {
    await clearLimits();
    const [alice] = await t.db.select().from(users).where(eq(users.email, "alice@alpha.test"));
    const enrol = await startTotpEnrolment(t.db, { tenantId: tenantA, userId: alice.id });
    expect(enrol.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = enrol.manualKey.replace(/\s+/g, "");
    expect(enrol.otpauthUrl).toContain(secret);

    await expect(confirmTotpEnrolment(t.db, { tenantId: tenantA, userId: alice.id, code: "000000" === currentTotp(secret) ? "111111" : "000000" }, {})).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const { recoveryCodes } = await confirmTotpEnrolment(t.db, { tenantId: tenantA, userId: alice.id, code: currentTotp(secret) }, {});
    expect(recoveryCodes).toHaveLength(10);
    const [stored] = await t.db.select().from(users).where(eq(users.id, alice.id));
    expect(stored.recoveryCodeHashes).toHaveLength(10);
    expect(stored.recoveryCodeHashes!.some((h) => recoveryCodes.includes(h))).toBe(false);

    await expect(signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, web)).rejects.toMatchObject({ details: { reason: "TOTP_REQUIRED" } });
    await expect(signIn(t.db, { email: "alice@alpha.test", password: PASSWORD, totpCode: "12345" }, web)).rejects.toMatchObject({ details: { reason: "TOTP_INVALID" } });
    // The enrolment code was consumed: the same code cannot sign in (RFC 6238 §5.2), the next one can, once.
    await expect(signIn(t.db, { email: "alice@alpha.test", password: PASSWORD, totpCode: authenticator.generate(secret) }, web)).rejects.toMatchObject({
      details: { reason: "TOTP_REUSED" },
    });
    const next = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
    const withCode = await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD, totpCode: next }, web);
    expect(withCode.user.id).toBe(alice.id);
    await expect(signIn(t.db, { email: "alice@alpha.test", password: PASSWORD, totpCode: next }, web)).rejects.toMatchObject({ details: { reason: "TOTP_REUSED" } });

    await clearLimits();
    const code = recoveryCodes[3].toUpperCase();
    await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD, totpCode: code }, web);
    await expect(signIn(t.db, { email: "alice@alpha.test", password: PASSWORD, totpCode: code }, web)).rejects.toMatchObject({ details: { reason: "TOTP_INVALID" } });
    const [after] = await t.db.select().from(users).where(eq(users.id, alice.id));
    expect(after.recoveryCodeHashes).toHaveLength(9);

    await expect(disableTotp(t.db, { tenantId: tenantA, userId: alice.id, password: "wrong-password-x" }, {}, { limits: t.db })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await disableTotp(t.db, { tenantId: tenantA, userId: alice.id, password: PASSWORD }, {}, { limits: t.db });
    await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, web);
  });

  it("another tenant's user id is NOT_FOUND for enrolment", async () => {
    const [bob] = await t.db.select().from(users).where(eq(users.email, "bob@beta.test"));
    await expect(startTotpEnrolment(t.db, { tenantId: tenantA, userId: bob.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(confirmTotpEnrolment(t.db, { tenantId: tenantA, userId: bob.id, code: "123456" }, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(disableTotp(t.db, { tenantId: tenantA, userId: bob.id, password: PASSWORD }, {}, { limits: t.db })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("when the tenant requires it, a member without it gets a browser session only to enrol, and no REST token", async () => {
    await clearLimits();
    const [bob] = await t.db.select().from(users).where(eq(users.email, "bob@beta.test"));
    const before = await signIn(t.db, { email: "bob@beta.test", password: PASSWORD }, api);
    await updateSecuritySettings(t.db, { tenantId: tenantB, requireTotp: true }, {});

    await expect(signIn(t.db, { email: "bob@beta.test", password: PASSWORD }, api)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Beta Net requires two-factor sign-in"),
      details: { reason: "TOTP_SETUP_REQUIRED" },
    });
    // A token issued before the policy: its session now must enrol first (REST and actions refuse it).
    expect(mustEnrolTotp((await getSessionContext(t.db, before.sessionId))!)).toBe(true);
    const browser = await signIn(t.db, { email: "bob@beta.test", password: PASSWORD }, web);
    expect(mustEnrolTotp((await getSessionContext(t.db, browser.sessionId))!)).toBe(true);
    // Another tenant's policy is its own.
    expect(mustEnrolTotp((await getSessionContext(t.db, (await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, web)).sessionId))!)).toBe(false);

    const secret = (await startTotpEnrolment(t.db, { tenantId: tenantB, userId: bob.id })).manualKey.replace(/\s+/g, "");
    await confirmTotpEnrolment(t.db, { tenantId: tenantB, userId: bob.id, code: currentTotp(secret) }, {});
    expect(mustEnrolTotp((await getSessionContext(t.db, browser.sessionId))!)).toBe(false);
    const next = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
    await expect(signIn(t.db, { email: "bob@beta.test", password: PASSWORD, totpCode: next }, api)).resolves.toMatchObject({ user: { id: bob.id } });

    await updateSecuritySettings(t.db, { tenantId: tenantB, requireTotp: false }, {});
    await disableTotp(t.db, { tenantId: tenantB, userId: bob.id, password: PASSWORD }, {}, { limits: t.db });
  });
});

describe("brute force", () => {
  it("sign-in is rate limited per account, with the wait in seconds", async () => {
    await clearLimits();
    for (let i = 0; i < 10; i++) {
      await expect(signIn(t.db, { email: "bob@beta.test", password: `wrong-${i}-password` }, { ...web, ip: `10.1.0.${i}` })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    const err = await signIn(t.db, { email: "bob@beta.test", password: PASSWORD }, { ...web, ip: "10.1.0.99" }).catch((e) => e);
    expect(err).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: expect.any(Number) } });
    expect(err.details.retryAfterSeconds).toBeGreaterThan(800);
    expect(err.message).toMatch(/Try again in \d+ s/);
  });

  it("password reset requests are rate limited per account", async () => {
    await clearLimits();
    for (let i = 0; i < 3; i++) await requestPasswordReset(t.db, { email: "alice@alpha.test" }, { ip: `10.2.0.${i}`, appUrl });
    await expect(requestPasswordReset(t.db, { email: "alice@alpha.test" }, { ip: "10.2.0.9", appUrl })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("a suspended tenant's live session stops, and its staff are told why at sign-in", async () => {
    await clearLimits();
    const s = await signIn(t.db, { email: "bob@beta.test", password: PASSWORD }, web);
    await t.db.execute(sql`update tenants set status = 'SUSPENDED', suspended_reason = 'Unpaid invoice' where id = ${tenantB}`);
    expect(await getSessionContext(t.db, s.sessionId)).toBeNull();
    await expect(signIn(t.db, { email: "bob@beta.test", password: PASSWORD }, web)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Unpaid invoice/) });
    await t.db.execute(sql`update tenants set status = 'ACTIVE', suspended_reason = null where id = ${tenantB}`);
    const live = await t.db.select().from(authSessions).where(and(eq(authSessions.tenantId, tenantB)));
    expect(live.length).toBeGreaterThan(0);
  });
});
