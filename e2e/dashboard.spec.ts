// The dashboard in a real browser: every section renders with the tenant's figures, the active-session
// count follows the routers live (Server-Sent Events), and the page fits a phone.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";
import { accountingStart, accountingStop, requireRadclient } from "./fixtures/radclient";

// On a loaded machine the first sign-in (cold server, bcrypt) can take longer than the default wait.
async function signIn(page: Page) {
  await expect(async () => {
    if (!/\/dashboard/.test(page.url())) await signInAs(page, ADMIN);
  }).toPass({ timeout: 60_000 });
}

// Shared CI machines are slow: give each test three times the default time.
test.beforeEach(() => {
  test.slow();
});

test("the dashboard shows figures, charts and lists for the tenant", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  for (const label of ["Active sessions", "Customers", "Revenue today", "Routers online"]) {
    await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
  }
  for (const heading of ["Revenue", "Customers by status", "Sessions by connection", "Vouchers", "Expiring in the next 7 days", "Routers"]) {
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("figure", { name: /Revenue for the last 6 months/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Routers" })).toContainText("Local test router");
  await page.screenshot({ path: test.info().outputPath("dashboard.png"), fullPage: true });

  const res = await page.request.get("/api/dashboard/stats");
  expect(res.status()).toBe(200);
  const { data } = (await res.json()) as { data: { currency: string; revenue: { trend: unknown[] }; customers: { total: number }; routers: { total: number } } };
  expect(data.currency).toBe("KES");
  expect(data.revenue.trend).toHaveLength(6);
  expect(data.customers.total).toBeGreaterThanOrEqual(2);
  expect(data.routers.total).toBeGreaterThanOrEqual(1);
});

test("the active-session count follows the router live, without a reload", async ({ page }) => {
  requireRadclient();
  await signIn(page);
  await expect(page.locator('[data-live-state="live"]')).toBeVisible({ timeout: 15_000 });
  const stat = page.getByTestId("stat-active-sessions");
  const before = Number((await stat.textContent())?.replace(/,/g, ""));
  const session = { username: "demo-pppoe", sessionId: `e2e-dash-${Date.now().toString(36)}`, ip: `10.78.${Math.floor(Math.random() * 250) + 1}.9` };

  accountingStart(session);
  await expect.poll(async () => Number((await stat.textContent())?.replace(/,/g, "")), { timeout: 15_000 }).toBeGreaterThan(before);
  accountingStop(session);
  await expect.poll(async () => Number((await stat.textContent())?.replace(/,/g, "")), { timeout: 15_000 }).toBeLessThanOrEqual(before);
});

test("the dashboard fits a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Revenue", exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("dashboard-phone.png"), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
