// Every question the console asks goes through its own confirm dialog, never the browser's confirm():
// bulk actions on customers, payment status changes, revoking an API key, deleting an IP pool. Each is
// answered by clicking the dialog's button; a browser dialog would be dismissed here and fail the test.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, seedTenant, type SeededTenant, type Sql } from "./fixtures/tenants";

let sql: Sql;
let t: SeededTenant;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  t = await seedTenant(sql, "Ask");
});
test.afterAll(async () => {
  await sql?.end();
});

/** Collects (and dismisses) any browser dialog, so the test can assert there was none. */
function browserDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

async function answer(page: Page, question: string | RegExp, button: string) {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(question);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test("bulk suspend, payment refund, API key revoke and IP pool delete ask in the page's dialog", async ({ page }) => {
  const seen = browserDialogs(page);
  await signInAs(page, t.admin);

  await page.goto("/customers");
  const row = page.getByRole("row").filter({ hasText: "Ask Customer" });
  await row.getByRole("checkbox", { name: "Select row" }).check();
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await answer(page, "Suspend 1 customer?", "Apply");
  await expect(page.getByText("Done: 1 changed")).toBeVisible();
  const [c] = await sql<{ status: string }[]>`select status from customers where id = ${t.ids.customer[0]}`;
  expect(c.status).toBe("SUSPENDED");

  await page.goto("/payments");
  const payment = page.getByRole("row").filter({ hasText: "Ask Customer" });
  await payment.getByLabel("Payment actions").click();
  await payment.getByRole("button", { name: "Refund" }).click();
  await answer(page, /Refund this top-up|Mark this payment as refunded/, "Confirm");
  await expect(payment).toContainText("Refunded");

  await page.goto("/settings/api-keys");
  const key = page.getByRole("row").filter({ hasText: "Ask integration" });
  await key.getByRole("button", { name: "Revoke" }).click();
  await answer(page, "Revoke this key? Integrations using it stop at once.", "Revoke");
  await expect(key).toContainText("Revoked");

  await page.goto(`/ip-pools/${t.ids.ipPool[0]}`);
  await page.getByRole("button", { name: "Delete pool" }).click();
  await answer(page, /^Delete pool Ask Pool/, "Delete pool");
  await expect(page).toHaveURL(/\/ip-pools$/);

  expect(seen, "browser dialogs raised").toEqual([]);
});
