// The first hour of an installation and of a new ISP, in Chromium: the operator is asked where routers
// reach RADIUS before anything else; a freshly registered ISP sees a checklist that ticks itself from
// real state; its router script uses the operator's address; a customer without a package says so.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { OPERATOR } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, uniqueSuffix, type Sql } from "./fixtures/tenants";

let sql: Sql;
const SHOTS = process.env.SHOTS_DIR ?? path.join("test-results", "shots");

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
});
test.afterAll(async () => {
  await sql?.end();
});

async function shoot(page: Page, name: string) {
  for (const [w, h, tag] of [
    [1280, 900, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${SHOTS}/${name}-${tag}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the operator's first sign-in asks for the routers' RADIUS address and refuses loopback", async ({ page }) => {
  await sql`delete from installation_settings where key in ('routers.radius_address', 'portal.public_url')`;
  await signInAs(page, OPERATOR, "/platform/settings");
  await expect(page.getByRole("heading", { name: "Before the first router" })).toBeVisible();
  // Any platform page leads here until it is set.
  await page.goto("/platform");
  await expect(page).toHaveURL(/\/platform\/settings/);
  await page.getByLabel("RADIUS address for routers").fill("localhost");
  await page.getByLabel("Public portal URL").fill("isp.example");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText(/Routers cannot reach a loopback address/)).toBeVisible();
  await expect(page.getByText("Enter a full URL such as https://isp.example.com")).toBeVisible();
  await shoot(page, "platform-setup");
  await page.getByLabel("RADIUS address for routers").fill("203.0.113.10");
  await page.getByLabel("Public portal URL").fill("https://isp.example.test");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/platform$/);
  await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();
});

test("a freshly registered ISP: the checklist ticks itself, the script uses the operator's address, no package says so", async ({ page }) => {
  test.setTimeout(180_000);
  await sql`insert into installation_settings (key, value) values ('routers.radius_address', '"203.0.113.10"'::jsonb) on conflict (key) do update set value = excluded.value`;
  const s = uniqueSuffix();
  const ispName = `First Hour Net ${s}`;
  await page.goto("/register");
  await page.getByLabel("ISP name").fill(ispName);
  await page.getByLabel("Your name").fill("Amina Owner");
  await page.getByLabel("Email").fill(`owner-${s}@first-hour.test`);
  await page.getByLabel("Password").fill("Kisumu-Fibre-2026!");
  await page.getByRole("button", { name: "Create my ISP" }).click();
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
  const [tenant] = await sql<{ id: string }[]>`select id from tenants where name = ${ispName}`;

  const checklist = page.getByRole("list", { name: "Onboarding checklist" });
  await expect(checklist).toBeVisible();
  await expect(page.getByText("0 of 6 steps done.")).toBeVisible();
  await expect(page.getByTestId("onboarding-package").getByRole("link")).toHaveAttribute("href", "/packages/new");
  await shoot(page, "dashboard-new-isp");

  // Real rows tick the first steps.
  const [pkg] = await sql<{ id: string }[]>`
    insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps)
    values (${tenant.id}, 'Home 10M', 'PPPOE', 150000, 30, 'DAYS', 10000, 5000) returning id`;
  void pkg;
  await page.goto("/routers/new");
  await page.getByLabel("Name", { exact: true }).fill(`core-${s}`);
  const ip = `10.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  await page.getByLabel("IP address", { exact: true }).fill(ip);
  await page.getByRole("button", { name: /Add router/ }).click();
  await expect(page).toHaveURL(/\/routers\/[0-9a-f-]{36}/, { timeout: 30_000 });

  // The script sends RADIUS to the operator's address, without a warning; revealing it ticks "paste its script".
  const snippet = page.getByTestId("radius-snippet");
  await expect(snippet).toContainText("/radius add address=203.0.113.10 ");
  await expect(page.getByTestId("radius-address-warning")).toHaveCount(0);
  await page.getByRole("button", { name: "Reveal secret" }).click();
  await expect(snippet).not.toContainText("<reveal the secret>");
  await shoot(page, "router-script");

  await page.goto("/dashboard");
  await expect(page.getByText("3 of 6 steps done.")).toBeVisible();
  for (const k of ["package", "router", "script"]) await expect(page.getByTestId(`onboarding-${k}`)).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("onboarding-radius")).toHaveAttribute("data-done", "false");

  // A customer without a package: what RADIUS will do, in the list and on the page.
  const [c] = await sql<{ id: string }[]>`
    insert into customers (tenant_id, type, name, username, status) values (${tenant.id}, 'PPPOE', 'No Plan Njeri', ${`noplan-${s}`}, 'ACTIVE') returning id`;
  await page.goto("/customers");
  await expect(page.getByRole("row", { name: /No Plan Njeri/ }).getByText("No package: cannot connect")).toBeVisible();
  await page.goto(`/customers/${c.id}`);
  await expect(page.getByText("No package: cannot connect").first()).toBeVisible();
  await expect(page.getByText("Active", { exact: true })).toHaveCount(0);
  await shoot(page, "customer-no-package");

  // The router's first packet and a payment: every step done, the checklist goes away.
  await sql`update nas set last_seen_at = now() where tenant_id = ${tenant.id}`;
  await sql`insert into payments (tenant_id, customer_id, amount, currency, method, status, paid_at) values (${tenant.id}, ${c.id}, 150000, 'KES', 'CASH', 'COMPLETED', now())`;
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(checklist).toHaveCount(0);
});

test("the operator suspends a trial ISP with grace, the list says so, and reactivation keeps the trial's end", async ({ page }) => {
  await sql`insert into installation_settings (key, value) values ('routers.radius_address', '"203.0.113.10"'::jsonb) on conflict (key) do nothing`;
  const s = uniqueSuffix();
  const slug = `trial-${s}`;
  const [tenant] = await sql<{ id: string; trial_ends_at: Date }[]>`
    insert into tenants (name, slug, status, trial_ends_at) values (${`Trial Net ${s}`}, ${slug}, 'TRIAL', now() + interval '9 days') returning id, trial_ends_at`;
  await signInAs(page, OPERATOR, "/platform");
  const row = page.getByTestId(`tenant-${slug}`);
  await row.getByRole("button", { name: "Suspend" }).click();
  await row.getByLabel(/Reason/).fill("Payment overdue");
  await expect(row.getByLabel(/Keep their service/)).toBeChecked();
  await row.getByRole("button", { name: "Suspend and sign out its staff" }).click();
  await expect(row.getByText("Suspended · subscribers keep service", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row.getByLabel(/Resume the trial, ending/)).toBeChecked();
  await shoot(page, "platform-suspended-trial");
  await row.getByRole("button", { name: "Confirm reactivation" }).click();
  await expect(row.getByText(/^Trial to /)).toBeVisible();
  const [after] = await sql<{ status: string; trial_ends_at: Date; suspension_mode: string | null }[]>`select status, trial_ends_at, suspension_mode from tenants where id = ${tenant.id}`;
  expect(after).toEqual({ status: "TRIAL", trial_ends_at: tenant.trial_ends_at, suspension_mode: null });
});
