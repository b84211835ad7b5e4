// Money reads the same everywhere (one formatter fed minor units), an underpaid renewal shows its
// shortfall and asks what to do, and staff change a wallet only by a posted adjustment.
import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, uniqueSuffix, type Sql } from "./fixtures/tenants";

let sql: Sql;
let s: string;
let home: string;
let hotspot: string;
const customers: Record<string, { id: string; name: string }> = {};
const DAY = 86_400_000;

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  s = uniqueSuffix();
  home = `Money Home ${s}`;
  hotspot = `Money Hour ${s}`;
  const [pkg] = await sql<{ id: string }[]>`
    insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps)
    values ((select id from tenants where slug = 'demo'), ${home}, 'PPPOE', 150000, 30, 'DAYS', 10000, 5000),
           ((select id from tenants where slug = 'demo'), ${hotspot}, 'HOTSPOT', 5000, 1, 'HOURS', 2000, 1000)
    returning id`;
  for (const key of ["full", "short", "wallet"]) {
    const name = `Akinyi ${key} ${s}`;
    const [c] = await sql<{ id: string }[]>`
      insert into customers (tenant_id, type, name, username, package_id, status, expires_at)
      values ((select id from tenants where slug = 'demo'), 'PPPOE', ${name}, ${`akinyi-${key}-${s}`}, ${pkg.id}, 'ACTIVE', now() + interval '2 days')
      returning id`;
    customers[key] = { id: c.id, name };
  }
});
test.afterAll(async () => {
  await sql?.end();
});

async function pickCustomer(page: import("@playwright/test").Page, name: string) {
  await page.getByPlaceholder("Type a name, username or phone").fill(name.split(" ").slice(-2).join(" "));
  await page.getByRole("option").filter({ hasText: name }).click();
}

test("package prices read back in KES on Record payment, Generate vouchers, the payments list and the receipt", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/payments/new");
  // It used to read "KES 15" for a 1,500 KES package.
  await expect(page.getByLabel("Package").locator("option").filter({ hasText: home })).toHaveText(`${home} · KES 1,500`);
  await pickCustomer(page, customers.full.name);
  await expect(page.getByLabel("Package")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByText("Package price: KES 1,500", { exact: true })).toBeVisible();
  await expect(page.getByLabel(/^Amount/)).toHaveValue("1500");
  await page.getByLabel(/^Amount/).fill("1,500.50");
  await expect(page.getByTestId("shortfall")).toHaveCount(0);
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}\/receipt/);
  await expect(page.getByRole("article", { name: "Receipt" })).toContainText("KES 1,500.50");

  await page.goto(`/payments?q=${encodeURIComponent(customers.full.name)}`);
  await expect(page.getByRole("row").filter({ hasText: customers.full.name })).toContainText("KES 1,500.50");

  await page.goto("/vouchers/new");
  // It used to read "KES 0.50" for a 50 KES package.
  await expect(page.getByLabel("Hotspot package").locator("option").filter({ hasText: hotspot })).toHaveText(`${hotspot} · KES 50 · 1 hour`);
});

test("an underpaid renewal shows the shortfall and renews only as chosen (pro rata here)", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto(`/payments/new?customerId=${customers.short.id}`);
  await expect(page.getByLabel(/^Amount/)).toHaveValue("1500");
  await page.getByLabel(/^Amount/).fill("1000");
  const box = page.getByTestId("shortfall");
  await expect(box).toContainText("KES 500 short");
  await expect(box).toContainText("(KES 1,500)");
  const [before] = await sql<{ expires_at: Date }[]>`select expires_at from customers where id = ${customers.short.id}`;

  // Without a choice nothing is renewed and the reason shows at the choice.
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(box).toContainText("choose to credit the wallet, renew pro rata or renew in full");
  const [still] = await sql<{ expires_at: Date }[]>`select expires_at from customers where id = ${customers.short.id}`;
  expect(still.expires_at.getTime()).toBe(before.expires_at.getTime());

  await page.getByLabel(/Renew pro rata/).check();
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}\/receipt/);
  const receipt = page.getByRole("article", { name: "Receipt" });
  await expect(receipt).toContainText("KES 1,000");
  await expect(receipt).toContainText("Renew pro rata");
  const [after] = await sql<{ expires_at: Date }[]>`select expires_at from customers where id = ${customers.short.id}`;
  expect(after.expires_at.getTime() - before.expires_at.getTime()).toBe(20 * DAY);
});

test("the wallet: no balance field on the form; an adjustment needs a reason and shows in the history", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto(`/customers/${customers.wallet.id}/edit`);
  await expect(page.getByLabel("Full name", { exact: true })).toBeVisible();
  await expect(page.getByLabel(/Wallet balance/)).toHaveCount(0);

  await page.goto(`/customers/${customers.wallet.id}`);
  const form = page.getByRole("form", { name: "Adjust wallet" });
  await form.getByLabel(/^Amount/).fill("250.50");
  await form.getByRole("button", { name: "Post adjustment" }).click();
  await expect(form.getByText("Give the reason for the adjustment")).toBeVisible();
  await form.getByLabel("Reason").fill("Outage compensation");
  await form.getByRole("button", { name: "Post adjustment" }).click();
  const history = page.getByRole("table", { name: "Wallet history" });
  await expect(history.getByRole("row").filter({ hasText: "Outage compensation" })).toContainText("+KES 250.50");
  await expect(page.getByText("Balance KES 250.50.", { exact: false })).toBeVisible();

  const api = page.request;
  const typed = await api.put(`/api/customers/${customers.wallet.id}`, { data: { walletBalance: 1_000_000 } });
  expect(typed.status()).toBe(400);
  expect((await typed.json()).error.details.fieldErrors.walletBalance[0]).toMatch(/wallet adjustment/);
  const debit = await api.post(`/api/customers/${customers.wallet.id}/wallet-adjustments`, { data: { direction: "DEBIT", amount: "50.50", reason: "Cash given back" } });
  expect(debit.status()).toBe(201);
  expect((await debit.json()).data).toMatchObject({ amount: -5_050, balanceAfter: 20_000, kind: "ADJUSTMENT" });
  const list = await api.get(`/api/customers/${customers.wallet.id}/wallet-adjustments`);
  expect((await list.json()).data.map((r: { amount: number }) => r.amount)).toEqual([-5_050, 25_050]);
});
