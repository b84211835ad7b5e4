// At phone width every admin page fits the screen, lists and detail pages alike: tables become lists
// of cards (no column hidden off-screen), figures sit two per row, and nothing widens the page itself.
// Screenshots of the main pages at 390 px and 1280 px go to SHOTS_DIR (default test-results/shots).
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, seedTenant, type SeededTenant, type Sql } from "./fixtures/tenants";

test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: "serial" });

const PAGES = [
  "/dashboard", "/customers", "/customers/new", "/customers/import", "/packages", "/packages/new", "/vouchers", "/vouchers/new", "/sessions",
  "/sessions/history", "/payments", "/payments/new", "/routers", "/routers/new", "/ip-pools", "/ip-pools/new", "/settings", "/settings/team",
  "/settings/security", "/settings/api-keys", "/settings/outbox", "/audit",
];

let sql: Sql;
let t: SeededTenant;

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  t = await seedTenant(sql, "Phone");
  // A receipt to open, and a long value in the audit log.
  await sql`update payments set receipt_number = 1, paid_at = now(), purpose = 'RENEWAL' where id = ${t.ids.payment[0]}`;
  await sql`insert into audit_log (tenant_id, actor_user_id, action, target_type, target_id, after)
            values (${t.id}, ${t.admin.id}, 'customer.update', 'customer', ${t.ids.customer[0]}, ${sql.json({ notes: "A long note about the customer's installation on the third floor, with a reference RF-2026-000123456789 and a very-long-token-without-spaces-abcdefghijklmnopqrstuvwxyz" })})`;
});
test.afterAll(async () => {
  await sql.end();
});

const detailPages = () => [
  `/customers/${t.ids.customer[0]}`,
  `/customers/${t.ids.customer[0]}/edit`,
  `/routers/${t.ids.router[0]}`,
  `/routers/${t.ids.router[0]}/edit`,
  `/packages/${t.ids.package[0]}/edit`,
  `/vouchers/batches/${t.ids.voucherBatch[0]}`,
  `/payments/${t.ids.payment[0]}/receipt`,
  `/ip-pools/${t.ids.ipPool[0]}`,
];

async function expectFits(page: Page, p: string) {
  await page.goto(p);
  await expect(page.locator("main h1").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${p} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
}

async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR ?? path.join("test-results", "shots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

test("every admin list fits a 390 px phone screen", async ({ page }) => {
  await expect(async () => {
    if (!/\/dashboard/.test(page.url())) await signInAs(page, ADMIN);
  }).toPass({ timeout: 60_000 });
  for (const p of PAGES) await expectFits(page, p);
});

test("every detail page fits a 390 px phone screen and has breadcrumbs", async ({ page }) => {
  await signInAs(page, t.admin);
  for (const p of detailPages()) {
    await expectFits(page, p);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }), `${p} has breadcrumbs`).toBeVisible();
  }
});

test("on a phone tables are lists: every value, the status too, is on screen with its column's name", async ({ page }) => {
  await signInAs(page, t.admin);
  await page.goto("/customers");
  const row = page.getByRole("row").filter({ hasText: "Phone Customer" });
  const status = row.locator('td[data-label="Status"]');
  await status.scrollIntoViewIfNeeded();
  await expect(status).toBeInViewport({ ratio: 1 });
  // The column's name is shown beside the value (the header row itself is hidden).
  expect(await status.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"Status"');
  await expect(page.locator("thead").first()).toBeHidden();

  await page.goto("/vouchers");
  // The row actions, the last column, are on screen too.
  const actions = page.getByLabel(/^Actions for /).first();
  await actions.scrollIntoViewIfNeeded();
  await expect(actions).toBeInViewport({ ratio: 1 });
});

test("figures are two per row on a phone, so the list starts on the first screens", async ({ page }) => {
  await signInAs(page, t.admin);
  await page.goto("/sessions");
  const cards = page.getByRole("region", { name: "Session figures" }).locator(":scope > div");
  const [a, b, c] = await Promise.all([0, 1, 2].map(async (i) => (await cards.nth(i).boundingBox())!));
  expect(Math.abs(a.y - b.y)).toBeLessThan(2); // side by side
  expect(c.y).toBeGreaterThan(a.y + a.height - 1); // the third starts the next row
  const search = page.getByPlaceholder("Search username, IP or MAC…");
  expect((await search.boundingBox())!.y).toBeLessThan(844 * 1.5);
});

test("the audit log wraps long values at words", async ({ page }) => {
  await signInAs(page, t.admin);
  await page.goto("/audit?action=customer.update");
  const value = page.locator("dd", { hasText: "third floor" }).first();
  await expect(value).toBeVisible();
  // One character per line would make the box taller than it is wide many times over.
  const box = (await value.boundingBox())!;
  expect(box.width).toBeGreaterThan(120);
});

test("at 1280 px no list table scrolls sideways inside its card", async ({ page }) => {
  // Wide values a real ISP has: a long name, a long package name, a live session with its addresses.
  const s = Date.now().toString(36);
  const [pkg] = await sql<{ id: string }[]>`
    insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps)
    values (${t.id}, ${`Home Fibre Unlimited Premium 100 Mbps ${s}`}, 'PPPOE', 1250000, 30, 'DAYS', 100000, 50000) returning id`;
  const [c] = await sql<{ id: string; username: string }[]>`
    insert into customers (tenant_id, type, name, username, phone, package_id, online, expires_at)
    values (${t.id}, 'PPPOE', ${`Wanjiku Njeri-Kamau Muthoni Holdings Ltd ${s}`}, ${`wanjiku.njeri.kamau.${s}`}, '254712345678', ${pkg.id}, true, now() + interval '20 days')
    returning id, username`;
  await sql`insert into sessions (tenant_id, nas_id, customer_id, username, acct_session_id, framed_ip, calling_station_id, started_at)
            values (${t.id}, ${t.ids.router[0]}, ${c.id}, ${c.username}, ${`acct-${s}`}, '10.99.123.234', 'AA:BB:CC:DD:EE:FF', now() - interval '3 hours')`;
  await sql`insert into payments (tenant_id, customer_id, amount, currency, method, status, reference, purpose, paid_at, receipt_number)
            values (${t.id}, ${c.id}, 1250000, 'KES', 'MPESA', 'COMPLETED', ${`QWERTY${s.toUpperCase()}XYZ`}, 'RENEWAL', now(), 2)`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, t.admin);
  const sideways: string[] = [];
  for (const p of ["/customers", "/sessions", "/packages", "/routers", "/payments", "/vouchers"]) {
    await page.goto(p);
    await expect(page.locator("main table").first()).toBeVisible();
    const boxes = await page.locator("main table").evaluateAll((tables) => tables.map((table) => ({ scrollWidth: table.parentElement!.scrollWidth, clientWidth: table.parentElement!.clientWidth })));
    for (const o of boxes) if (o.scrollWidth > o.clientWidth + 1) sideways.push(`${p}: ${o.scrollWidth} px in ${o.clientWidth} px`);
  }
  expect(sideways, "list tables that scroll sideways at 1280 px").toEqual([]);
  // The filter bar too: every filter visible, none cut off at the bar's edge, on a laptop and on a phone.
  const cut: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const p of ["/customers", "/sessions", "/sessions/history", "/packages", "/routers", "/payments", "/vouchers"]) {
      await page.goto(p);
      const bar = page.getByTestId("table-filters").first();
      await expect(bar).toBeVisible();
      const o = await bar.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      if (o.scrollWidth > o.clientWidth + 1) cut.push(`${p} at ${width} px: ${o.scrollWidth} px in ${o.clientWidth} px`);
    }
  }
  expect(cut, "filter bars that cut off a filter").toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/customers");
  await expect(page.getByRole("link", { name: /Wanjiku Njeri-Kamau/ })).toBeVisible();
  await shot(page, "customers-list-1280");
});

test("screenshots at 390 px and 1280 px", async ({ page }) => {
  await signInAs(page, t.admin);
  const pages: [string, string][] = [
    ["dashboard", "/dashboard"],
    ["customers", "/customers"],
    ["customer", `/customers/${t.ids.customer[0]}`],
    ["router", `/routers/${t.ids.router[0]}`],
    ["package", `/packages/${t.ids.package[0]}/edit`],
    ["batch", `/vouchers/batches/${t.ids.voucherBatch[0]}`],
    ["receipt", `/payments/${t.ids.payment[0]}/receipt`],
    ["payment-form", "/payments/new"],
    ["sessions", "/sessions"],
    ["audit", "/audit"],
  ];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    for (const [name, p] of pages) {
      await page.goto(p);
      await expect(page.locator("main h1").first()).toBeVisible();
      await shot(page, `${name}-${width}`);
    }
  }
});
