// Customers in a real browser: create one, find it by search and filters, open its page, and import
// a CSV whose bad row is reported (nothing written) until it is fixed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, seedTenant, type SeededTenant, type Sql } from "./fixtures/tenants";

test.describe.configure({ mode: "serial" });

let sql: Sql;
let t: SeededTenant;
const plan = `Home ${Date.now().toString(36)}`;

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  t = await seedTenant(sql, "Cust");
  await sql`
    insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps)
    values (${t.id}, ${plan}, 'PPPOE', 150000, 30, 'DAYS', 10000, 5000)`;
});
test.afterAll(async () => {
  await sql.end();
});

test("staff create a customer, then find it by search and filters", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const username = `jane.${suffix}`;
  await signInAs(page, t.admin);
  await page.goto("/customers");
  await page.getByRole("link", { name: "New customer" }).click();
  await expect(page).toHaveURL(/\/customers\/new$/);

  await page.getByLabel("Phone", { exact: true }).fill("12345");
  await page.getByLabel("MAC binding", { exact: true }).fill("nope");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByText("Name must be at least 2 characters", { exact: true })).toBeVisible();
  await expect(page.getByText(/Enter a valid phone number/)).toBeVisible();
  await expect(page.getByText(/Enter a MAC address like/)).toBeVisible();
  await expect(page.getByText(/Enter a username/).or(page.getByText(/Username must be/))).toBeVisible();

  await page.getByLabel("Full name", { exact: true }).fill(`Jane Wanjiku ${suffix}`);
  await page.getByLabel("Phone", { exact: true }).fill("0712 345 678");
  await page.getByLabel("MAC binding", { exact: true }).fill("aa-bb-cc-dd-ee-ff");
  await page.getByLabel("Username", { exact: true }).fill(username);
  const planValue = await page.locator("#packageId option", { hasText: plan }).getAttribute("value");
  await page.getByLabel("Package", { exact: true }).selectOption(planValue!);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByTestId("generated-password")).toHaveText(/^[a-z2-9]{8}$/);
  await page.getByRole("button", { name: "Open customer" }).click();
  await expect(page.getByRole("heading", { name: `Jane Wanjiku ${suffix}` })).toBeVisible();
  await expect(page.getByText("+254 712 345 678")).toBeVisible();
  await expect(page.getByText("AA:BB:CC:DD:EE:FF")).toBeVisible();

  // A duplicate username is refused with the reason next to the field.
  await page.goto("/customers/new");
  await page.getByLabel("Full name", { exact: true }).fill("Someone Else");
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.locator("#username-error")).toHaveText("This username is already taken by another customer");

  await page.goto("/customers");
  await page.getByPlaceholder("Search name, phone or username…").fill(suffix);
  await expect(page).toHaveURL(new RegExp(`q=${suffix}`));
  const row = page.getByRole("row").filter({ hasText: username });
  await expect(row).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("SUSPENDED");
  await expect(page).toHaveURL(/status=SUSPENDED/);
  await expect(page.getByText("No customers match")).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("ACTIVE");
  await expect(row).toBeVisible();
  await page.getByLabel("Package", { exact: true }).selectOption({ label: plan });
  await expect(row).toBeVisible();
});

test("CSV import shows a bad row and writes nothing, then imports once fixed", async ({ page }) => {
  const s = Date.now().toString(36);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csv-"));
  const bad = path.join(dir, "bad.csv");
  const good = path.join(dir, "good.csv");
  const head = "name,username,phone,package";
  fs.writeFileSync(bad, `${head}\nAmina ${s},amina${s},0711000111,${plan}\nBrian ${s},brian${s},12345,${plan}\n`);
  fs.writeFileSync(good, `${head}\nAmina ${s},amina${s},0711000111,${plan}\nBrian ${s},brian${s},0722000222,${plan}\n`);

  await signInAs(page, t.admin);
  await page.goto("/customers");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(bad);
  const errors = page.getByRole("table", { name: "Row errors" });
  await expect(errors).toContainText("3");
  await expect(errors).toContainText("phone");
  await expect(errors).toContainText("Enter a valid phone number");
  await expect(page.getByRole("button", { name: /Import 1 customers/ })).toBeDisabled();
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from customers where tenant_id = ${t.id} and username like ${`%${s}`}`;
  expect(n).toBe(0);

  await page.getByLabel("CSV file", { exact: true }).setInputFiles(good);
  await expect(page.getByRole("table", { name: "Preview" })).toContainText(`brian${s}`);
  await page.getByRole("button", { name: "Import 2 customers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 customers" })).toBeVisible();

  await page.goto(`/customers?q=${s}`);
  await expect(page.getByRole("row").filter({ hasText: `amina${s}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `brian${s}` })).toBeVisible();
});

test("REST: create, duplicate username refused, list with search, CSV export", async ({ page }) => {
  const s = Date.now().toString(36);
  await signInAs(page, t.admin);
  const api = page.request;
  const pkgs = await (await api.get(`/api/packages?q=${encodeURIComponent(plan)}`)).json();
  const packageId = pkgs.data.rows[0].id as string;
  expect(pkgs.data.rows[0].rateLimit).toBe("5M/10M");

  const created = await api.post("/api/customers", { data: { type: "PPPOE", name: `Rest ${s}`, username: `rest${s}`, phone: "+254 711 222 333", packageId } });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body.data.phone).toBe("254711222333");
  expect(body.data.generatedPassword).toMatch(/^[a-z2-9]{8}$/);
  expect(JSON.stringify(body)).not.toContain("passwordSealed");

  const dup = await api.post("/api/customers", { data: { type: "PPPOE", name: "Dup", username: `rest${s}` } });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).error.details.fieldErrors.username[0]).toMatch(/already taken/);

  const list = await (await api.get(`/api/customers?q=rest${s}&status=ACTIVE&sort=name&dir=asc`)).json();
  expect(list.data.total).toBe(1);
  expect(list.data.rows[0].username).toBe(`rest${s}`);

  // Jane (above) is bound to AA:BB:CC:DD:EE:FF already: a MAC binds one customer of the tenant.
  const taken = await api.put(`/api/customers/${body.data.id}`, { data: { macAddress: "aabb.ccdd.eeff" } });
  expect(taken.status()).toBe(409);
  expect((await taken.json()).error.details.fieldErrors.macAddress[0]).toMatch(/already bound/);
  const updated = await api.put(`/api/customers/${body.data.id}`, { data: { macAddress: "aabb.ccdd.ee02" } });
  expect((await updated.json()).data.macAddress).toBe("AA:BB:CC:DD:EE:02");

  const csv = await api.get(`/api/customers/export?q=rest${s}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain("type,name,username,phone");
  expect(text).toContain(`rest${s}`);

  const gone = await api.delete(`/api/customers/${body.data.id}`);
  expect(gone.status()).toBe(200);
  expect((await api.get(`/api/customers/${body.data.id}`)).status()).toBe(404);
});

test("customer page: renew with cash, suspend and resume, each confirmed and reported", async ({ page }) => {
  const s = Date.now().toString(36);
  const [pkg] = await sql<{ id: string }[]>`select id from packages where tenant_id = ${t.id} and name = ${plan}`;
  const [c] = await sql<{ id: string }[]>`
    insert into customers (tenant_id, type, name, username, package_id, status, expires_at)
    values (${t.id}, 'PPPOE', ${`Renew Me ${s}`}, ${`renew${s}`}, ${pkg.id}, 'EXPIRED', now() - interval '2 days') returning id`;
  await signInAs(page, t.admin);
  await page.goto(`/customers/${c.id}`);
  await expect(page.getByRole("heading", { name: `Renew Me ${s}` })).toBeVisible();
  await expect(page.getByText("Expired", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "Renew" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Renewed\. Receipt #\d+/ })).toBeVisible();
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "CASH" })).toContainText("COMPLETED");
  const [after] = await sql<{ status: string; expires_at: Date }[]>`select status, expires_at from customers where id = ${c.id}`;
  expect(after.status).toBe("ACTIVE");
  expect(after.expires_at.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

  await page.getByRole("button", { name: "Suspend" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Customer suspended" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Customer resumed" })).toBeVisible();
});
