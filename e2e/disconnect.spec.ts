// A disconnect the router never answers must say so: the demo router is 127.0.0.1 and nothing listens
// for CoA on its port 3799, so the worker's Disconnect-Request times out. The sessions list and the
// customer page ask in the confirm dialog, show progress, then "Not answered" with the hint, not success.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInPatiently } from "./fixtures/auth";
import { accountingStart, accountingStop, requireRadclient } from "./fixtures/radclient";

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
