// Accounts in a real browser and over REST: password reset by mail (never readable in the outbox), two-factor sign-in
// (enrol, sign in with a code, a tenant that requires it), token rotation and revocation, rate limits.
import { authenticator } from "otplib";
import { expect, test, type Page } from "@playwright/test";
import { OPERATOR } from "./fixtures/env";
import { clearRateLimits, e2eDatabase, seedTenant, type SeededTenant, type Sql } from "./fixtures/tenants";
import { startMailSink } from "./fixtures/mail";

test.describe.configure({ mode: "serial" });

let sql: Sql;
let t: SeededTenant;
let mail: Awaited<ReturnType<typeof startMailSink>>;

test.beforeAll(async () => {
  mail = await startMailSink();
  sql = e2eDatabase();
  await clearRateLimits(sql);
  t = await seedTenant(sql, "Auth");
});
test.afterAll(async () => {
  await clearRateLimits(sql);
  await sql.end();
  await mail.close();
});

async function fillSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("forgot password: the link arrives by mail (not in the outbox), works once, and ends old sessions", async ({ page, browser }) => {
  test.slow(); // three browser contexts and a dozen page loads: past 60 s on a busy machine
  const old = await browser.newContext();
  const oldPage = await old.newPage();
  await fillSignIn(oldPage, t.viewer.email, t.viewer.password);
  await expect(oldPage).toHaveURL(/\/dashboard/);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  const mailsBefore = mail.count;
  await page.getByLabel("Email").fill(t.viewer.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account uses this address/)).toBeVisible();
  const delivered = await mail.next(t.viewer.email, mailsBefore);
  const url = delivered.text.match(/https?:\/\/\S+reset-password\?token=[A-Za-z0-9_%-]+/)![0];
  const token = new URL(url).searchParams.get("token")!;

  // Unknown addresses get the very same answer.
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@nowhere.test`);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account uses this address/)).toBeVisible();

  // The admin sees the mail in the outbox, sent, but not the link: it was for the recipient only.
  await fillSignIn(page, t.admin.email, t.admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/settings/outbox");
  await page.getByText("Reset your ISP Console password").first().click();
  const body = await page.locator("pre").first().textContent();
  expect(body).toContain(`Hello ${t.viewer.name}`);
  expect(body).toContain("[link removed: sent to the recipient only]");
  const outboxHtml = await page.content();
  expect(outboxHtml).not.toContain(token);
  expect(outboxHtml).not.toContain(encodeURIComponent(token));
  const [row] = await sql<{ body: string; sent_at: Date | null }[]>`select body, sent_at from mail_outbox where "to" = ${t.viewer.email} order by created_at desc limit 1`;
  expect(row.sent_at).not.toBeNull();
  expect(row.body).not.toContain(token);
  const resetPath = new URL(url).pathname + new URL(url).search;

  const fresh = await browser.newContext();
  const p = await fresh.newPage();
  await p.goto(resetPath);
  await p.getByLabel("New password", { exact: true }).fill("short");
  await p.getByLabel("Repeat the new password").fill("different");
  await p.getByRole("button", { name: "Set new password" }).click();
  await expect(p.getByText("Password must be at least 10 characters")).toBeVisible();
  await expect(p.getByText("The passwords do not match")).toBeVisible();
  await p.getByLabel("New password", { exact: true }).fill("Viewer-Reset-Pass-2025");
  await p.getByLabel("Repeat the new password").fill("Viewer-Reset-Pass-2025");
  await p.getByRole("button", { name: "Set new password" }).click();
  await expect(p.getByText("Your password has been changed")).toBeVisible();

  // The old browser session is over; the link is spent.
  await oldPage.goto("/dashboard");
  await expect(oldPage).toHaveURL(/\/sign-in/);
  await p.goto(resetPath);
  await p.getByLabel("New password", { exact: true }).fill("Another-Reset-Pass-2025");
  await p.getByLabel("Repeat the new password").fill("Another-Reset-Pass-2025");
  await p.getByRole("button", { name: "Set new password" }).click();
  await expect(p.getByText(/invalid, already used or expired/)).toBeVisible();

  await fillSignIn(p, t.viewer.email, "Viewer-Reset-Pass-2025");
  await expect(p).toHaveURL(/\/dashboard/);
  t.viewer.password = "Viewer-Reset-Pass-2025";
  await old.close();
  await fresh.close();
});

test("two-factor sign-in: enrol, then a code is asked; a tenant can require it", async ({ page, browser }) => {
  await fillSignIn(page, t.admin.email, t.admin.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-manual-key").textContent())!.replace(/\s+/g, "");
  await page.getByLabel("6-digit code from the app").fill("000000" === authenticator.generate(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await page.getByLabel("6-digit code from the app").fill(authenticator.generate(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codeItems = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codeItems).toHaveCount(10);
  const codes = await codeItems.allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("On", { exact: true })).toBeVisible();

  // Require it for the whole tenant.
  await page.getByLabel(/Require two-factor sign-in for everyone/).check();
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Security policy saved")).toBeVisible();

  // The admin now needs a code; a recovery code works once.
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await fillSignIn(p, t.admin.email, t.admin.password);
  await expect(p.getByLabel("Authentication code")).toBeVisible();
  await p.getByLabel("Authentication code").fill(codes[0]);
  await p.getByRole("button", { name: "Sign in" }).click();
  await expect(p).toHaveURL(/\/dashboard/);
  await ctx.close();

  const again = await browser.newContext();
  const q = await again.newPage();
  await fillSignIn(q, t.admin.email, t.admin.password);
  await q.getByLabel("Authentication code").fill(codes[0]);
  await q.getByRole("button", { name: "Sign in" }).click();
  await expect(q.getByText(/That code is not right/)).toBeVisible();
  await again.close();

  // The viewer, without 2FA, is sent to enrol before anything else.
  const v = await browser.newContext();
  const vp = await v.newPage();
  await fillSignIn(vp, t.viewer.email, t.viewer.password);
  await expect(vp).toHaveURL(/\/two-factor\/setup/);
  await vp.goto("/dashboard");
  await expect(vp).toHaveURL(/\/two-factor\/setup/);
  // REST too: their browser session reaches no data, and no token is issued to them until they enrol.
  const viaCookie = await vp.request.get("/api/customers");
  expect(viaCookie.status()).toBe(403);
  expect((await viaCookie.json()).error.details.reason).toBe("TOTP_SETUP_REQUIRED");
  const login = await vp.request.post("/api/auth/login", { data: { email: t.viewer.email, password: t.viewer.password } });
  expect(login.status()).toBe(403);
  expect((await login.json()).error).toMatchObject({ message: expect.stringContaining("requires two-factor sign-in"), details: { reason: "TOTP_SETUP_REQUIRED" } });
  await vp.getByRole("button", { name: "Set up an authenticator app" }).click();
  const vSecret = (await vp.getByTestId("totp-manual-key").textContent())!.replace(/\s+/g, "");
  await vp.getByLabel("6-digit code from the app").fill(authenticator.generate(vSecret));
  await vp.getByRole("button", { name: "Turn on" }).click();
  await vp.getByRole("button", { name: "Continue to the dashboard" }).click();
  await expect(vp).toHaveURL(/\/dashboard/);
  expect((await vp.request.get("/api/customers")).status()).toBe(200);
  await v.close();

  // Back to the default for the tests that follow.
  await page.getByLabel(/Require two-factor sign-in for everyone/).uncheck();
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect.poll(async () => (await sql`select value->>'requireTotp' as v from settings where tenant_id = ${t.id} and key = 'security'`)[0]?.v).toBe("false");
});

test("REST: login, refresh rotation, password change and logout cut off copied tokens", async ({ request }) => {
  await clearRateLimits(sql);
  const email = `rest-${Date.now()}@${t.slug}.test`;
  const created = await sql`
    insert into users (tenant_id, email, name, password_hash, role)
    select tenant_id, ${email}, 'REST user', password_hash, 'STAFF' from users where id = ${t.admin.id} returning id`;
  expect(created).toHaveLength(1);
  const password = t.admin.password;

  const login = await request.post("/api/auth/login", { data: { email, password } });
  expect(login.status()).toBe(200);
  const first = (await login.json()).data;
  expect(first).toMatchObject({ tokenType: "Bearer", expiresIn: 900, user: { email, role: "STAFF" } });
  const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });
  expect((await request.get("/api/auth/me", { headers: bearer(first.accessToken) })).status()).toBe(200);

  const refreshed = await request.post("/api/auth/refresh", { data: { refreshToken: first.refreshToken } });
  expect(refreshed.status()).toBe(200);
  let second = (await refreshed.json()).data;
  expect(second.refreshToken).not.toBe(first.refreshToken);
  // The rotated token used again: that is a stolen copy (OAuth 2.0 Security BCP), so the whole session ends,
  // the rotated-to tokens included.
  expect((await request.post("/api/auth/refresh", { data: { refreshToken: first.refreshToken } })).status()).toBe(401);
  expect((await request.get("/api/auth/me", { headers: bearer(second.accessToken) })).status()).toBe(401);
  expect((await request.post("/api/auth/refresh", { data: { refreshToken: second.refreshToken } })).status()).toBe(401);
  const again = await request.post("/api/auth/login", { data: { email, password } });
  expect(again.status()).toBe(200);
  second = (await again.json()).data;

  // A second device (the "thief") and a password change from the first: the thief is cut off.
  const thief = (await (await request.post("/api/auth/login", { data: { email, password } })).json()).data;
  const change = await request.put("/api/auth/password", { headers: bearer(second.accessToken), data: { currentPassword: password, newPassword: "Rest-User-New-Pass-9" } });
  expect(change.status()).toBe(200);
  expect((await request.get("/api/auth/me", { headers: bearer(thief.accessToken) })).status()).toBe(401);
  expect((await request.post("/api/auth/refresh", { data: { refreshToken: thief.refreshToken } })).status()).toBe(401);
  expect((await request.get("/api/auth/me", { headers: bearer(second.accessToken) })).status()).toBe(200);

  const bad = await request.put("/api/auth/password", { headers: bearer(second.accessToken), data: { currentPassword: "x", newPassword: "short" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details.fieldErrors.newPassword).toBeTruthy();

  const logout = await request.post("/api/auth/logout", { headers: bearer(second.accessToken) });
  expect(logout.status()).toBe(200);
  expect((await request.get("/api/auth/me", { headers: bearer(second.accessToken) })).status()).toBe(401);
  expect((await request.post("/api/auth/refresh", { data: { refreshToken: second.refreshToken } })).status()).toBe(401);
});

test("REST: repeated wrong passwords are rate limited with a retry-after", async ({ request }) => {
  await clearRateLimits(sql);
  let last = await request.post("/api/auth/login", { data: { email: t.viewer.email, password: "wrong-password-0" } });
  for (let i = 1; i < 11; i++) last = await request.post("/api/auth/login", { data: { email: t.viewer.email, password: `wrong-password-${i}` } });
  expect(last.status()).toBe(429);
  const body = await last.json();
  expect(body.error.code).toBe("RATE_LIMITED");
  expect(body.error.message).toMatch(/Try again in \d+ s/);
  expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);
  await clearRateLimits(sql);
});

test("the platform operator suspends a tenant: its staff are signed out and told why; then opens and leaves it", async ({ page, browser }) => {
  const email = `susp-${Date.now()}@${t.slug}.test`;
  await sql`
    insert into users (tenant_id, email, name, password_hash, role)
    select tenant_id, ${email}, 'Suspended staff', password_hash, 'STAFF' from users where id = ${t.admin.id}`;
  await sql`delete from settings where tenant_id = ${t.id}`;
  // Past the operator's first-sign-in setup (first-hour.spec covers it).
  await sql`insert into installation_settings (key, value) values ('routers.radius_address', '"203.0.113.10"'::jsonb) on conflict do nothing`;
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  await fillSignIn(staff, email, t.admin.password);
  await expect(staff).toHaveURL(/\/dashboard/);

  await fillSignIn(page, OPERATOR.email, OPERATOR.password);
  await expect(page).toHaveURL(/\/platform/);
  const row = page.getByTestId(`tenant-${t.slug}`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Suspend" }).click();
  await row.getByLabel(/Reason/).fill("Unpaid invoice for March");
  await row.getByLabel(/Refuse them/).check();
  await row.getByRole("button", { name: "Suspend and sign out its staff" }).click();
  await expect(row.getByText("Suspended · subscribers refused", { exact: true })).toBeVisible();

  await staff.goto("/dashboard");
  await expect(staff).toHaveURL(/\/sign-in/);
  await fillSignIn(staff, email, t.admin.password);
  await expect(staff.getByText(/suspended: Unpaid invoice for March\. Your subscribers cannot connect until it is reactivated/)).toBeVisible();

  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Open as tenant" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText(`Viewing ${t.name} as platform operator`)).toBeVisible();
  await page.getByRole("button", { name: "Return to platform" }).click();
  await expect(page).toHaveURL(/\/platform/);
  const visits = await sql`select action from audit_log where tenant_id = ${t.id} and action like 'platform.%'`;
  expect(visits.map((v) => v.action)).toEqual(expect.arrayContaining(["platform.tenant_suspend", "platform.tenant_activate", "platform.tenant_open", "platform.tenant_close"]));
  await staffCtx.close();
});
