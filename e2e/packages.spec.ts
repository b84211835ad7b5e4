// Packages in a real browser: every field error, the live Mikrotik-Rate-Limit preview, the list,
// and the "in use cannot be deleted, retire instead" rule.
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, seedTenant, type SeededTenant, type Sql } from "./fixtures/tenants";

test.describe.configure({ mode: "serial" });

let sql: Sql;
let t: SeededTenant;

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  t = await seedTenant(sql, "Pkg");
});
test.afterAll(async () => {
  await sql.end();
});

test("staff create a package with burst and see it in the list", async ({ page }) => {
  const name = `Home ${Date.now().toString(36)}`;
  await signInAs(page, t.admin);
  await page.goto("/packages");
  await expect(page.getByRole("heading", { name: "Packages" })).toBeVisible();
  await page.getByRole("link", { name: "New package" }).click();
  await expect(page).toHaveURL(/\/packages\/new$/);

  // Submitting with bad values shows every error next to its field.
  await page.getByLabel("Price (KES)", { exact: true }).fill("-5");
  await page.getByLabel("Burst download", { exact: true }).fill("20000");
  await page.getByRole("button", { name: "Create package" }).click();
  await expect(page.getByText("Name must be at least 2 characters", { exact: true })).toBeVisible();
  await expect(page.getByText("Price cannot be negative")).toBeVisible();
  await expect(page.getByText("Burst time is needed when burst is used")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Price (KES)", { exact: true }).fill("1500");
  await page.getByLabel("Download (kbps)", { exact: true }).fill("10000");
  await page.getByLabel("Upload (kbps)", { exact: true }).fill("5000");
  await page.getByLabel("Burst upload", { exact: true }).fill("10000");
  await page.getByLabel("Threshold download", { exact: true }).fill("8000");
  await page.getByLabel("Threshold upload", { exact: true }).fill("4000");
  await page.getByLabel("Burst time (s)", { exact: true }).fill("16");
  await page.getByLabel("Priority", { exact: true }).selectOption("5");
  await expect(page.getByTestId("rate-limit-preview")).toHaveText("5M/10M 10M/20M 4M/8M 16/16 5");
  await page.getByLabel("Data quota (GB)", { exact: true }).fill("50");
  await page.getByRole("button", { name: "Create package" }).click();

  await expect(page).toHaveURL(/\/packages$/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("5M/10M 10M/20M 4M/8M 16/16 5");
  await expect(row).toContainText("50 GB");
});

test("a package in use cannot be deleted but can be retired and offered again", async ({ page }) => {
  const name = `Used ${Date.now().toString(36)}`;
  const [p] = await sql<{ id: string }[]>`
    insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps)
    values (${t.id}, ${name}, 'PPPOE', 100000, 30, 'DAYS', 4000, 2000) returning id`;
  await sql`insert into customers (tenant_id, type, name, username, package_id) values (${t.id}, 'PPPOE', 'Holder', ${`holder-${Date.now()}`}, ${p.id})`;
  await signInAs(page, t.admin);
  await page.goto(`/packages?q=${encodeURIComponent(name)}`);
  const row = page.getByRole("row").filter({ hasText: name });
  // The questions are the page's own confirm dialog: a browser confirm() would be answered "no" here.
  const browserDialogs: string[] = [];
  page.on("dialog", (d) => {
    browserDialogs.push(d.message());
    void d.dismiss();
  });
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Delete “${name}”? This cannot be undone.`);
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be deleted" })).toContainText("Retire it instead");
  await row.getByRole("button", { name: `Retire ${name}` }).click();
  await expect(dialog).toContainText("Current customers keep it");
  await dialog.getByRole("button", { name: "Retire" }).click();
  await expect(row).toContainText("Retired");
  expect(browserDialogs, "no browser confirm()").toEqual([]);
  await row.getByRole("button", { name: `Offer again ${name}` }).click();
  await expect(row).not.toContainText("Retired");
});
