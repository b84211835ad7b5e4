// At phone width every admin page fits the screen: wide tables scroll sideways inside their card, and
// nothing (not even a visually hidden label in a table cell) widens the page itself.
import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";

test.use({ viewport: { width: 390, height: 844 } });

const PAGES = [
  "/dashboard", "/customers", "/customers/new", "/customers/import", "/packages", "/packages/new", "/vouchers", "/vouchers/new", "/sessions",
  "/sessions/history", "/payments", "/payments/new", "/routers", "/routers/new", "/ip-pools", "/ip-pools/new", "/settings", "/settings/team",
  "/settings/security", "/settings/api-keys", "/settings/outbox", "/audit",
];

test("every admin page fits a 390 px phone screen; wide tables scroll inside their card", async ({ page }) => {
  await expect(async () => {
    if (!/\/dashboard/.test(page.url())) await signInAs(page, ADMIN);
  }).toPass({ timeout: 60_000 });
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  }
  // The vouchers table is wider than the phone: it scrolls within its card.
  await page.goto("/vouchers");
  const scroller = page.locator("table").first().locator("xpath=..");
  await expect(scroller).toBeVisible();
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});
