// The pictures for the console's first hour, desktop (1280) and phone (390), each with a stable name in
// SHOTS_DIR (default test-results/shots), and each checked for what it is meant to show: a new ISP's
// dashboard with its onboarding checklist, a customer page, the record-payment form with a customer chosen
// and the underpayment choice, and a disconnect the router does not answer ("Not answered" with the hint).
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInPatiently } from "./fixtures/auth";
import { liveCustomerOnOwnRouter, removeOwnRouter, type OwnRouterSetup } from "./fixtures/own-router";
import { clearRateLimits, e2eDatabase, uniqueSuffix, type Sql } from "./fixtures/tenants";

const SHOTS = process.env.SHOTS_DIR ?? path.join("test-results", "shots");
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
type Viewport = keyof typeof VIEWPORTS;

let sql: Sql;

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  sql = e2eDatabase();
  await clearRateLimits(sql);
});
test.afterAll(async () => {
  await sql?.end();
});
test.beforeEach(() => {
  test.slow();
});

/** At each width: load (or act), check what the picture must show, then write `<name>-<viewport>.png`. */
async function atBothWidths(page: Page, name: string, show: (viewport: Viewport) => Promise<void>) {
  for (const viewport of ["desktop", "phone"] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await show(viewport);
    // The desktop picture is the whole page from its top; the phone one is the screen, where `show` scrolled.
    if (viewport === "desktop") await page.evaluate(() => window.scrollTo(0, 0));
    const file = path.join(SHOTS, `${name}-${viewport}.png`);
    await page.screenshot({ path: file, fullPage: viewport === "desktop" });
    expect(fs.statSync(file).size, file).toBeGreaterThan(10_000);
  }
}

test("a new ISP's dashboard shows the onboarding checklist", async ({ page }) => {
  const s = uniqueSuffix();
  await page.goto("/register");
  await page.getByLabel("ISP name").fill(`Picture Net ${s}`);
  await page.getByLabel("Your name").fill("Achieng Owner");
  await page.getByLabel("Email").fill(`owner-${s}@pictures.test`);
  await page.getByLabel("Password").fill("Kisumu-Fibre-2026!");
  await page.getByRole("button", { name: "Create my ISP" }).click();
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
  await atBothWidths(page, "dashboard-new", async () => {
    await page.goto("/dashboard");
    const checklist = page.getByRole("list", { name: "Onboarding checklist" });
    await expect(checklist).toBeVisible();
    await expect(page.getByText("0 of 6 steps done.")).toBeVisible();
    await expect(page.getByTestId("onboarding-package").getByRole("link")).toBeInViewport();
  });
});

test("a customer page, the record-payment form with the underpayment choice, and a disconnect the router does not answer", async ({ page }) => {
  await signInPatiently(page, ADMIN);
  let setup: OwnRouterSetup | undefined;
  try {
    // A customer online on a router that receives requests and never answers them.
    setup = await liveCustomerOnOwnRouter(sql, page.request, false);
    const { customer, session } = setup;

    await atBothWidths(page, "customer", async () => {
      await page.goto(`/customers/${customer.id}`);
      await expect(page.getByRole("heading", { name: customer.name })).toBeVisible();
      await expect(page.getByText("Online", { exact: true }).first()).toBeVisible();
      await expect(page.getByText(session.framedIp).first()).toBeVisible();
      await expect(page.getByRole("button", { name: "Disconnect now" })).toBeEnabled();
    });

    await atBothWidths(page, "payment-form", async () => {
      await page.goto(`/payments/new?customerId=${customer.id}`);
      // The customer's 1,000 KES package is chosen with them; 600 is short by 400 and asks what to do.
      await expect(page.getByText("Package price: KES 1,000", { exact: true })).toBeVisible();
      await page.getByLabel(/^Amount/).fill("600");
      const shortfall = page.getByTestId("shortfall");
      await expect(shortfall).toContainText("KES 400 short");
      await expect(shortfall.getByLabel(/Renew pro rata/)).toBeVisible();
      await shortfall.scrollIntoViewIfNeeded();
    });

    await atBothWidths(page, "disconnect-unanswered", async () => {
      await page.goto(`/customers/${customer.id}`);
      await page.getByRole("button", { name: "Disconnect now" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
      const result = page.getByTestId("command-result");
      await expect(result).toHaveAttribute("data-verdict", "unanswered", { timeout: 30_000 });
      await expect(result).toContainText("Not answered by the router");
      await expect(result).toContainText("/radius incoming set accept=yes");
      await result.scrollIntoViewIfNeeded();
    });
    // Nothing was closed: the router never answered.
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from sessions where acct_session_id = ${session.acctSessionId}`;
    expect(n).toBe(1);
  } finally {
    await removeOwnRouter(page.request, setup);
  }
});
