import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, uniqueSuffix, type Sql } from "./fixtures/tenants";

let sql: Sql;
let customer: { id: string; name: string };
let packageName: string;
const DAY = 86_400_000;

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  const s = uniqueSuffix();
  packageName = `E2E Home 10 ${s}`;
  const [pkg] = await sql<{ id: string }[]>`
    insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps)
    values ((select id from tenants where slug = 'demo'), ${packageName}, 'PPPOE', 150000, 30, 'DAYS', 10000, 5000) returning id`;
  const name = `Wanjiku E2E ${s}`;
  const [c] = await sql<{ id: string }[]>`
    insert into customers (tenant_id, type, name, username, phone, package_id, status, expires_at)
    values ((select id from tenants where slug = 'demo'), 'PPPOE', ${name}, ${`wanjiku-${s}`}, '0712345678', ${pkg.id}, 'EXPIRED', now() - interval '3 days')
    returning id`;
  customer = { id: c.id, name };
});
test.afterAll(async () => {
  await sql?.end();
});

test("staff record a cash renewal for a customer and get the receipt; the customer is active again", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/payments");
  await expect(page.getByRole("heading", { name: "Payments", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Record payment" }).click();
  await expect(page).toHaveURL(/\/payments\/new$/);

  await page.getByPlaceholder("Type a name, username or phone").fill(customer.name.split(" ").slice(-1)[0]);
  await page.getByRole("option").filter({ hasText: customer.name }).click();
  await expect(page.getByLabel(/^Amount/)).toHaveValue("1500");
  await page.getByLabel("Method").selectOption("CASH");
  const before = Date.now();
  await page.getByRole("button", { name: "Record payment" }).click();

  await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}\/receipt/);
  const receipt = page.getByRole("article", { name: "Receipt" });
  await expect(receipt).toContainText("Demo ISP");
  await expect(receipt).toContainText(customer.name);
  await expect(receipt).toContainText("KES 1,500");
  await expect(receipt).toContainText("Cash");
  await expect(receipt).toContainText(packageName);
  await expect(receipt).toContainText("Service valid until");
  await expect(receipt).toContainText(/No\. \d{6}/);
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();

  const [row] = await sql<{ status: string; expires_at: Date }[]>`select status, expires_at from customers where id = ${customer.id}`;
  expect(row.status).toBe("ACTIVE");
  expect(row.expires_at.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY - 5_000);
  expect(row.expires_at.getTime()).toBeLessThan(Date.now() + 30 * DAY + 5_000);

  await page.goto(`/payments?q=${encodeURIComponent(customer.name)}`);
  const listed = page.getByRole("row").filter({ hasText: customer.name });
  await expect(listed).toContainText("KES 1,500");
  await expect(listed).toContainText("Completed");
});

test("the payment form shows every field error", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/payments/new");
  await page.getByLabel("Method").selectOption("MPESA");
  await page.getByLabel(/^Amount/).fill("-5");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose a customer" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Amount must be more than 0" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Enter the M-Pesa transaction code" })).toBeVisible();
});

test("the payment and IP pool REST routes: duplicate reference is a 409 naming the field; pools validate and refuse overlaps", async ({ page }) => {
  await signInAs(page, ADMIN);
  const api = page.request;
  const reference = `QX${Date.now().toString(36).toUpperCase()}`;
  const first = await api.post("/api/payments", { data: { customerId: customer.id, method: "MPESA", reference, purpose: "WALLET_TOPUP", amount: 200 } });
  expect(first.status()).toBe(201);
  const paid = (await first.json()).data;
  expect(paid).toMatchObject({ amount: 20_000, status: "COMPLETED", purpose: "WALLET_TOPUP" });
  expect((await (await api.get(`/api/payments/${paid.id}`)).json()).data.reference).toBe(reference);
  const dup = await api.post("/api/payments", { data: { customerId: customer.id, method: "MPESA", reference, purpose: "WALLET_TOPUP", amount: 200 } });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).error.details.fieldErrors.reference).toEqual(["A payment with this reference is already recorded"]);
  const listed = await (await api.get(`/api/payments?search=${reference}`)).json();
  expect(listed.data.total).toBe(1);
  expect((await api.post(`/api/payments/${paid.id}/refund`, { data: { reason: "e2e" } })).status()).toBe(200);

  const octet = Math.floor(Math.random() * 200) + 20;
  const pool = await api.post("/api/ip-pools", { data: { name: `E2E pool ${reference}`, cidr: `10.${octet}.0.0/24`, gateway: `10.${octet}.0.1` } });
  expect(pool.status()).toBe(201);
  const p = (await pool.json()).data;
  expect(p).toMatchObject({ rangeStart: `10.${octet}.0.2`, rangeEnd: `10.${octet}.0.254` });
  const overlap = await api.post("/api/ip-pools", { data: { name: `E2E pool 2 ${reference}`, cidr: `10.${octet}.0.0/25` } });
  expect(overlap.status()).toBe(409);
  const invalid = await api.post("/api/ip-pools", { data: { name: "x", cidr: "10.0.0.1/24" } });
  expect(invalid.status()).toBe(400);
  expect(Object.keys((await invalid.json()).error.details.fieldErrors).sort()).toEqual(["cidr", "name"]);
  const put = await api.put(`/api/ip-pools/${p.id}`, { data: { name: `E2E pool ${reference}`, cidr: `10.${octet}.0.0/24`, rangeStart: `10.${octet}.0.100` } });
  expect((await put.json()).data).toMatchObject({ rangeStart: `10.${octet}.0.100`, gateway: null });
  expect((await (await api.get(`/api/ip-pools/${p.id}`)).json()).data).toMatchObject({ assigned: 0, assignments: [] });
  expect((await api.delete(`/api/ip-pools/${p.id}`)).status()).toBe(200);
  expect((await api.get(`/api/ip-pools/${p.id}`)).status()).toBe(404);
});
