// A disconnect the router never answers must say so: the demo router is 127.0.0.1 and nothing listens
// for CoA on its port 3799, so the worker's Disconnect-Request times out. The sessions list and the
// customer page ask in the confirm dialog, show progress, then "Not answered" with the hint, not success.
// A package change on a live customer is a speed change (CoA) and reports the same way: against a router
// of the test's own (the fake router on another loopback address) that stays silent, or answers ACK.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInPatiently } from "./fixtures/auth";
import { coaRequests, liveCustomerOnOwnRouter, removeOwnRouter, type OwnRouterSetup } from "./fixtures/own-router";
import { accountingStart, accountingStop, requireRadclient } from "./fixtures/radclient";
import { e2eDatabase, type Sql } from "./fixtures/tenants";

const SHOTS = process.env.SHOTS_DIR ?? path.join("test-results", "shots");

test.beforeEach(() => {
  test.slow();
});
test.beforeAll(() => {
  requireRadclient();
});

const uniqueIp = () => `10.78.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

async function expectNotAnswered(page: Page) {
  const result = page.getByTestId("command-result");
  await expect(result).toHaveAttribute("data-verdict", "unanswered", { timeout: 30_000 });
  await expect(result).toContainText("Not answered by the router");
  await expect(result).toContainText("/radius incoming set accept=yes");
  await expect(result).toContainText("3799");
  await expect(result).toContainText("firewall");
  await expect(result).not.toContainText("Disconnected");
  return result;
}

test("a disconnect the router does not answer is reported as not answered, with the hint (sessions list and customer page)", async ({ page }) => {
  const session = { username: "demo-pppoe", sessionId: `e2e-noans-${Date.now().toString(36)}`, ip: uniqueIp() };
  await signInPatiently(page, ADMIN);
  const { data: routers } = await (await page.request.get("/api/nas?search=127.0.0.1")).json();
  const demo = routers.rows.find((r: { ipAddress: string }) => r.ipAddress === "127.0.0.1");
  expect(demo.coaPort, "the demo router's CoA port, where nothing listens").toBe(3799);
  accountingStart(session);
  try {
    await page.goto(`/sessions?q=${session.ip}`);
    const row = page.getByRole("row").filter({ hasText: session.ip });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await row.getByRole("button", { name: "Disconnect demo-pppoe" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Disconnect demo-pppoe?");
    await dialog.getByRole("button", { name: "Disconnect" }).click();
    // Progress while the worker tries the router (three tries, two seconds each).
    await expect(dialog.getByRole("status")).toContainText("waiting for its answer");
    await expectNotAnswered(page);
    await expect(dialog).toBeHidden();
    // The session is still there: nothing was closed.
    await expect(page.getByRole("row").filter({ hasText: session.ip })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, "disconnect-desktop.png"), fullPage: true });

    // The customer page's "Disconnect now", at phone width: the same dialog and the same result.
    const { data: list } = await (await page.request.get("/api/customers?q=demo-pppoe")).json();
    const customer = list.rows.find((c: { username: string }) => c.username === "demo-pppoe");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/customers/${customer.id}`);
    await page.getByRole("button", { name: "Disconnect now" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
    const onCustomer = await expectNotAnswered(page);
    // The result stays inside its card (the customer page's own width at 390 px is a layout matter apart).
    const [box, card] = await Promise.all([onCustomer.boundingBox(), onCustomer.locator("xpath=..").boundingBox()]);
    expect(box!.x + box!.width).toBeLessThanOrEqual(card!.x + card!.width + 1);

    // The sessions list at phone width: same dialog, same result, within the screen.
    await page.goto(`/sessions?q=${session.ip}`);
    await page.getByRole("row").filter({ hasText: session.ip }).getByRole("button", { name: "Disconnect demo-pppoe" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
    const onSessions = await expectNotAnswered(page);
    const phoneBox = await onSessions.boundingBox();
    expect(phoneBox!.x + phoneBox!.width, "the result fits a phone screen").toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, "disconnect-phone.png") });
  } finally {
    accountingStop({ ...session, cause: "User-Request" });
  }
});

// ---- Speed change on a package change -------------------------------------------------------------

async function changePackageOnCustomerPage(page: Page, setup: OwnRouterSetup) {
  await page.goto(`/customers/${setup.customer.id}`);
  await page.getByLabel("Change package").selectOption(setup.packages.to);
  await page.getByRole("button", { name: "Apply" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Move this customer to the chosen package?");
  await dialog.getByRole("button", { name: "Change package" }).click();
  return dialog;
}

test.describe("a package change on a live customer", () => {
  let sql: Sql;
  test.beforeAll(() => {
    sql = e2eDatabase();
  });
  test.afterAll(async () => {
    await sql?.end();
  });

  test("that the router does not answer is reported as not answered, with the hint", async ({ page }) => {
    await signInPatiently(page, ADMIN);
    let setup: OwnRouterSetup | undefined;
    try {
      setup = await liveCustomerOnOwnRouter(sql, page.request, false);
      const dialog = await changePackageOnCustomerPage(page, setup);
      await expect(dialog.getByRole("status")).toContainText("waiting for its answer");
      const result = page.getByTestId("command-result");
      await expect(result).toHaveAttribute("data-verdict", "unanswered", { timeout: 30_000 });
      await expect(result).toHaveAttribute("data-action", "speed change");
      await expect(result).toContainText("Not answered by the router");
      await expect(result).toContainText("/radius incoming set accept=yes");
      await expect(result).toContainText("firewall");
      await expect(result).not.toContainText("Applied");
      // The CoA was sent (and retried): the router just never answered.
      const sent = coaRequests(setup.fake, setup.customer.username);
      expect(sent.length, "CoA-Requests the router received").toBeGreaterThanOrEqual(1);
      expect(sent[0].getString("Mikrotik-Rate-Limit")).toBe("8M/20M");
      // The package itself changed (the speed applies at the next login at the latest).
      const [row] = await sql<{ package_id: string }[]>`select package_id from customers where id = ${setup.customer.id}`;
      expect(row.package_id).toBe(setup.packages.to);
    } finally {
      await removeOwnRouter(page.request, setup);
    }
  });

  test("that the router accepts (ACK) is reported as applied, on the customer page and from the list's bulk change", async ({ page }) => {
    await signInPatiently(page, ADMIN);
    let setup: OwnRouterSetup | undefined;
    try {
      setup = await liveCustomerOnOwnRouter(sql, page.request, true);
      const dialog = await changePackageOnCustomerPage(page, setup);
      const result = page.getByTestId("command-result");
      await expect(result).toHaveAttribute("data-verdict", "done", { timeout: 30_000 });
      await expect(result).toContainText("Applied: the new speed is live on 1 session(s)");
      await expect(dialog).toBeHidden();
      const session = setup.fake.sessions.get(`${setup.customer.username}\0${setup.session.acctSessionId}`);
      expect(session?.rateLimit, "the router's session runs at the new speed").toBe("8M/20M");

      // The bulk change on the customers list: back to the first package, same answer.
      await page.goto(`/customers?q=${encodeURIComponent(setup.customer.username)}`);
      const row = page.getByRole("row").filter({ hasText: setup.customer.name });
      await row.getByRole("checkbox", { name: "Select row" }).check();
      await page.getByLabel("Bulk action").selectOption("package");
      await page.getByLabel("New package").selectOption(setup.packages.from);
      await page.getByRole("button", { name: "Apply", exact: true }).click();
      const ask = page.getByRole("dialog");
      await expect(ask).toContainText("Change package for 1 customer?");
      await ask.getByRole("button", { name: "Apply" }).click();
      const bulk = page.getByTestId("command-result");
      await expect(bulk).toHaveAttribute("data-verdict", "done", { timeout: 30_000 });
      await expect(bulk).toContainText("Applied: the new speed is live on 1 session(s)");
      expect(setup.fake.sessions.get(`${setup.customer.username}\0${setup.session.acctSessionId}`)?.rateLimit).toBe("2M/5M");
    } finally {
      await removeOwnRouter(page.request, setup);
    }
  });
});
