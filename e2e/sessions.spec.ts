// The sessions pages in a real browser: a router's accounting (radclient) appears live in the active
// list, filters and search narrow it, and the stopped session lands in the history.
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

test.beforeAll(() => {
  requireRadclient();
});

const uniqueIp = () => `10.77.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

test("a session started by the router appears live, is searchable, and moves to history when it stops", async ({ page }) => {
  const sessionId = `e2e-sess-${Date.now().toString(36)}`;
  const ip = uniqueIp();
  const session = { username: "demo-pppoe", sessionId, ip, mac: "AA:BB:CC:DD:EE:77" };

  await signIn(page);
  await page.goto("/sessions");
  await expect(page.getByRole("heading", { name: "Sessions" })).toBeVisible();
  await expect(page.getByText("Active sessions").first()).toBeVisible();
  await expect(page.locator('[data-live-state="live"]')).toBeVisible({ timeout: 15_000 });

  accountingStart(session);
  // No reload: the live event refreshes the page.
  const row = page.getByRole("row").filter({ hasText: ip });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText("Demo PPPoE Subscriber");
  await expect(row).toContainText("AA:BB:CC:DD:EE:77");
  await expect(row).toContainText("Local test router");
  await expect(row.getByRole("button", { name: "Disconnect" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("sessions.png"), fullPage: true });

  await page.getByPlaceholder("Search username, IP or MAC…").fill(ip);
  await expect(page).toHaveURL(new RegExp(`q=${ip.replace(/\./g, "\\.")}`));
  await expect(page.getByRole("row").filter({ hasText: ip })).toHaveCount(1);
  await page.getByLabel("Connection").selectOption("HOTSPOT");
  await expect(page.getByText("No active sessions")).toBeVisible();
  await page.getByLabel("Connection").selectOption("PPPOE");
  await expect(page.getByRole("row").filter({ hasText: ip })).toBeVisible();

  const api = await page.request.get(`/api/sessions?q=${ip}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { data: { total: number; rows: { username: string; framedIp: string; type: string }[] } };
  expect(body.data.total).toBe(1);
  expect(body.data.rows[0]).toMatchObject({ username: "demo-pppoe", framedIp: ip, type: "PPPOE" });
  const stats = (await (await page.request.get("/api/sessions/stats")).json()) as { data: { total: number; byType: Record<string, number> } };
  expect(stats.data.total).toBeGreaterThanOrEqual(1);
  expect(stats.data.byType.PPPOE).toBeGreaterThanOrEqual(1);

  accountingStop({ ...session, seconds: 600, input: 2_000_000, output: 30_000_000, cause: "Lost-Carrier" });
  await expect(page.getByRole("row").filter({ hasText: ip })).toHaveCount(0, { timeout: 15_000 });

  await page.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(/\/sessions\/history/);
  await page.getByPlaceholder("Search username, IP or MAC…").fill(ip);
  await expect(page).toHaveURL(new RegExp(`q=${ip.replace(/\./g, "\\.")}`));
  const past = page.getByRole("row").filter({ hasText: ip });
  await expect(past).toBeVisible();
  await expect(past).toContainText("Lost-Carrier");
  await expect(past).toContainText("10m 00s");
  await page.getByLabel("Ended by").selectOption("User-Request");
  await expect(page).toHaveURL(/terminateCause=User-Request/);
  await expect(page.getByRole("row").filter({ hasText: ip })).toHaveCount(0);
  await page.getByLabel("Ended by").selectOption("Lost-Carrier");
  await expect(page.getByRole("row").filter({ hasText: ip })).toBeVisible();
});

test("the REST routes refuse a caller without a session", async ({ playwright }) => {
  const anon = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const url of ["/api/sessions", "/api/sessions/stats", "/api/events"]) {
    const res = await anon.get(url);
    expect(res.status(), url).toBe(401);
  }
  await anon.dispose();
});
