// Times read back in the tenant's zone (router "last seen", the team's "last sign-in"), errors at the
// field with the view brought to them, the created customer's credentials, a past expiry confirmed,
// and the registration form's country and currency lists.
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, seedTenant, uniqueSuffix, type SeededTenant, type Sql } from "./fixtures/tenants";

test.describe.configure({ mode: "serial" });

let sql: Sql;
let t: SeededTenant;
// 21:30 UTC on 15 March is 00:30 on 16 March in Nairobi: the day differs as well as the hour.
const SEEN = "2026-03-15T21:30:00Z";

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  t = await seedTenant(sql, "Zone");
  await sql`update tenants set timezone = 'Africa/Nairobi' where id = ${t.id}`;
  await sql`update nas set last_seen_at = ${SEEN} where id = ${t.ids.router[0]}`;
  await sql`update users set last_login_at = ${SEEN} where id = ${t.viewer.id}`;
});
test.afterAll(async () => {
  await sql.end();
});

test("router 'last seen' and the team's 'last sign-in' are in the tenant's zone, and say which", async ({ page }) => {
  await signInAs(page, t.admin);
  await page.goto("/routers");
  await expect(page.getByRole("columnheader", { name: "Last seen (EAT)" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: `Zone Router` });
  await expect(row.getByTestId("router-last-seen")).toContainText("16 Mar 2026, 00:30");
  await expect(row.getByTestId("router-last-seen")).not.toContainText("21:30");

  await page.goto(`/routers/${t.ids.router[0]}`);
  await expect(page.getByTestId("router-last-seen")).toHaveText("16 Mar 2026, 00:30 EAT");
  await expect(page.getByTestId("router-last-seen")).toHaveAttribute("title", "EAT (Africa/Nairobi)");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Routers" })).toBeVisible();

  await page.goto("/settings/team");
  await expect(page.getByTestId(`member-${t.viewer.email}`).getByTestId("last-sign-in")).toHaveText("Last sign-in 16 Mar 2026, 00:30 EAT");
});

test("a duplicate package name is shown at the name field, which is scrolled to and focused", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await signInAs(page, t.admin);
  const name = `Dup ${uniqueSuffix()}`;
  for (const attempt of [1, 2]) {
    await page.goto("/packages/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Price (KES)", { exact: true }).fill("1500");
    await page.getByLabel("Download (kbps)", { exact: true }).fill("10000");
    await page.getByLabel("Upload (kbps)", { exact: true }).fill("5000");
    const submit = page.getByRole("button", { name: "Create package" });
    await submit.scrollIntoViewIfNeeded();
    await expect(page.getByLabel("Name", { exact: true })).not.toBeInViewport();
    await submit.click();
    if (attempt === 1) await expect(page).toHaveURL(/\/packages$/);
  }
  await expect(page.locator("#name-error")).toHaveText("A package with this name already exists");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Name", { exact: true })).toBeInViewport();
});

test("'Customer created' shows the username beside the password, each with a copy button", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, t.admin);
  const username = `zone.${uniqueSuffix()}`;
  await page.goto("/customers/new");
  await page.getByLabel("Full name", { exact: true }).fill("Copy Me");
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByTestId("created-username")).toHaveText(username);
  const password = (await page.getByTestId("generated-password").textContent())!;
  expect(password).toMatch(/^[a-z2-9]{8}$/);
  await page.getByRole("button", { name: "Copy username" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(username);
  await page.getByRole("button", { name: "Copy generated password" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
  await expect(page.getByRole("button", { name: "Copy generated password" })).toHaveText("Copied");
});

test("an expiry in the past asks for confirmation, and is saved in the tenant's zone", async ({ page }) => {
  await signInAs(page, t.admin);
  const username = `past.${uniqueSuffix()}`;
  await page.goto("/customers/new");
  await page.getByLabel("Full name", { exact: true }).fill("Past Expiry");
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByLabel("Expires", { exact: true }).fill("2026-01-05T10:15");
  await page.getByRole("button", { name: "Create customer" }).click();
  const confirm = page.getByText(/This expiry is in the past/);
  await expect(confirm).toBeVisible();
  await expect(page.getByTestId("generated-password")).toHaveCount(0);
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from customers where tenant_id = ${t.id} and username = ${username}`;
  expect(n).toBe(0);
  await confirm.click();
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByTestId("created-username")).toHaveText(username);
  const [row] = await sql<{ expires_at: Date }[]>`select expires_at from customers where tenant_id = ${t.id} and username = ${username}`;
  // 10:15 in Nairobi (UTC+3) is 07:15 UTC.
  expect(row.expires_at.toISOString()).toBe("2026-01-05T07:15:00.000Z");
  await page.getByRole("button", { name: "Open customer" }).click();
  await expect(page.locator("dd", { hasText: "5 Jan 2026, 10:15" })).toBeVisible();
});

test("registration offers country and currency lists, not free text", async ({ page }) => {
  await page.goto("/register");
  const country = page.getByLabel("Country", { exact: true });
  await expect(country).toHaveValue("KE");
  await expect(country.locator("option:checked")).toHaveText("Kenya");
  await country.selectOption({ label: "Uganda" });
  await expect(country).toHaveValue("UG");
  const currency = page.getByLabel("Currency", { exact: true });
  await expect(currency.locator("option:checked")).toHaveText("KES · Kenyan Shilling");
  await currency.selectOption("UGX");
  await expect(currency).toHaveValue("UGX");
});
