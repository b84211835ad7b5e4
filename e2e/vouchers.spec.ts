import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, uniqueSuffix, type Sql } from "./fixtures/tenants";

let sql: Sql;
let packageName: string;

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  packageName = `E2E Hotspot ${uniqueSuffix()}`;
  await sql`
    insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps)
    values ((select id from tenants where slug = 'demo'), ${packageName}, 'HOTSPOT', 5000, 1, 'DAYS', 2048, 1024)`;
});
test.afterAll(async () => {
  await sql?.end();
});

/** Page count of a PDF, from its page objects (pdfkit writes dictionaries uncompressed). */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

test("staff generate a voucher batch in the browser and download its printable PDF", async ({ page }) => {
  const batchName = `Kiosk ${uniqueSuffix()}`;
  await signInAs(page, ADMIN);
  await page.goto("/vouchers");
  await expect(page.getByRole("heading", { name: "Vouchers", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Generate vouchers" }).first().click();
  await expect(page).toHaveURL(/\/vouchers\/new$/);

  const option = await page.locator("#packageId option", { hasText: packageName }).getAttribute("value");
  await page.getByLabel("Hotspot package").selectOption(option!);
  await page.getByLabel("Batch name").fill(batchName);
  await page.getByLabel("How many").fill("50");
  await page.getByLabel("Prefix").fill("E2E");
  await page.getByLabel("Code length").fill("12");
  await page.getByRole("button", { name: /Generate 50 vouchers/ }).click();

  await expect(page).toHaveURL(/\/vouchers\/batches\/[0-9a-f-]{36}\?created=50/);
  await expect(page.getByRole("heading", { name: batchName })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "50 vouchers generated" })).toBeVisible();
  const codes = page.getByRole("row").filter({ hasText: /E2E[ACDEFGHJKLMNPQRTUVWXYZ234679]{12}/ });
  await expect(codes.first()).toBeVisible();

  // The download a person gets from the button…
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = fs.readFileSync((await download.path())!);
  expect(file.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdfPages(file)).toBe(3); // 50 cards, 24 per A4 page

  // …and the same route's headers.
  const href = await page.getByRole("link", { name: "Download PDF" }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect((await res.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");

  const csv = await page.request.get(href!.replace(/\/pdf$/, "/csv"));
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(51);
});

test("the generation form shows every field error", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/vouchers/new");
  await page.getByLabel("How many").fill("0");
  await page.getByLabel("Prefix").fill("a b");
  await page.getByLabel("Code length").fill("2");
  await page.getByRole("button", { name: /Generate/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Generate at least 1 voucher" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Prefix may use letters, digits and - only" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Codes need at least 4 random characters" })).toBeVisible();
  await expect(page).toHaveURL(/\/vouchers\/new$/);
});

test("the voucher REST routes: generate, list, get, actions, delete, bulk deletes; unknown ids are 404", async ({ page }) => {
  await signInAs(page, ADMIN);
  const [pkg] = await sql<{ id: string }[]>`select id from packages where name = ${packageName}`;
  const api = page.request;
  const created = await api.post("/api/vouchers", { data: { packageId: pkg.id, count: 4, prefix: "API", length: 12 } });
  expect(created.status()).toBe(201);
  const batch = (await created.json()).data as { batchId: string; count: number };
  expect(batch.count).toBe(4);

  const list = await (await api.get(`/api/vouchers?batchId=${batch.batchId}&sort=code&dir=asc`)).json();
  expect(list.data.total).toBe(4);
  const [v1, v2] = list.data.rows as { id: string; code: string }[];
  expect((await (await api.get(`/api/vouchers/${v1.id}`)).json()).data).toMatchObject({ code: v1.code, status: "AVAILABLE", sessions: [] });

  for (const action of ["reset-mac", "reset-counters", "disconnect"]) expect((await api.post(`/api/vouchers/${v1.id}/${action}`)).status()).toBe(200);
  const revoked = await api.post(`/api/vouchers/${v1.id}/revoke`);
  expect((await revoked.json()).data).toMatchObject({ status: "REVOKED" });
  expect((await api.post(`/api/vouchers/${v1.id}/revoke`)).status()).toBe(409);

  expect((await api.delete(`/api/vouchers/${v2.id}`)).status()).toBe(200);
  expect((await (await api.delete(`/api/vouchers/unused?batchId=${batch.batchId}`)).json()).data).toEqual({ deleted: 2 });
  expect((await api.delete(`/api/vouchers/expired?batchId=${batch.batchId}`)).status()).toBe(200);
  expect((await api.get(`/api/vouchers/batches/${batch.batchId}`)).status()).toBe(200);

  const missing = "00000000-0000-4000-8000-000000000000";
  expect((await api.get(`/api/vouchers/${missing}`)).status()).toBe(404);
  expect((await api.post(`/api/vouchers/${missing}/revoke`)).status()).toBe(404);
  expect((await api.get(`/api/vouchers/batches/${missing}/pdf`)).status()).toBe(404);
  const bad = await api.post("/api/vouchers", { data: { packageId: pkg.id, count: 20000 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details.fieldErrors.count).toBeTruthy();
});
