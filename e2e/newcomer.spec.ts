// Issue 5's "Done when", in a real browser: a newcomer signs in, creates a package and a customer,
// renews them with a cash payment, generates a voucher batch and downloads its printable PDF, imports
// customers from CSV, and watches the customer come online when a router (radclient) authenticates them.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";
import { accountingStart, accountingStop, radclient, requireRadclient } from "./fixtures/radclient";

async function signIn(page: Page) {
  await expect(async () => {
    if (!/\/dashboard/.test(page.url())) await signInAs(page, ADMIN);
  }).toPass({ timeout: 60_000 });
}

/** Option labels may carry more than the name (e.g. the price): pick the first option containing `text`. */
async function selectOptionContaining(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  expect(value, `an option containing "${text}"`).toBeTruthy();
  await select.selectOption(value!);
}

test("a newcomer runs a day at the ISP: package, customer, cash renewal, vouchers, CSV import, customer online", async ({ page }) => {
  test.setTimeout(300_000);
  requireRadclient();
  const tag = Date.now().toString(36).slice(-6);
  const packageName = `Newcomer 8 Mbps ${tag}`;
  const username = `newcomer-${tag}`;
  const customerName = `Wanjiku Newcomer ${tag}`;

  await signIn(page);

  await test.step("create a PPPoE package", async () => {
    await page.getByRole("link", { name: "Packages" }).click();
    await expect(page).toHaveURL(/\/packages/);
    await page.goto("/packages/new");
    await expect(page.getByRole("heading", { name: "New package" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill(packageName);
    await page.getByLabel("Connection type").selectOption("PPPOE");
    await page.getByLabel(/^Price/).fill("1500");
    await page.getByLabel("Validity", { exact: true }).fill("30");
    await page.getByLabel("Validity unit").selectOption("DAYS");
    await page.getByLabel("Download (kbps)", { exact: true }).fill("8000");
    await page.getByLabel("Upload (kbps)", { exact: true }).fill("4000");
    await page.getByRole("button", { name: "Create package" }).click();
    await expect(page).toHaveURL(/\/packages$/, { timeout: 30_000 });
    await expect(page.getByText(packageName)).toBeVisible();
  });

  let password = "";
  await test.step("create a customer on that package", async () => {
    await page.goto("/customers/new");
    await expect(page.getByRole("heading", { name: "New customer" })).toBeVisible();
    await page.getByLabel("Full name").fill(customerName);
    await page.getByLabel("Phone").fill("0712 345 678");
    await page.getByLabel("Connection type").selectOption("PPPOE");
    await page.getByLabel("Username").fill(username);
    await selectOptionContaining(page.getByLabel("Package"), packageName);
    await page.getByRole("button", { name: "Create customer" }).click();
    // A blank password is generated and shown once.
    const generated = page.getByTestId("generated-password");
    await expect(generated).toBeVisible({ timeout: 30_000 });
    password = (await generated.textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(6);
    await page.getByRole("button", { name: "Open customer" }).click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { name: customerName })).toBeVisible();
  });
  const customerUrl = page.url();

  await test.step("renew the customer with a cash payment", async () => {
    await expect(page.getByText("Renew with cash")).toBeVisible();
    await selectOptionContaining(page.getByLabel("Package", { exact: true }).first(), packageName);
    await page.getByRole("button", { name: "Renew", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText(/Renewed\. Receipt #\d+/)).toBeVisible({ timeout: 30_000 });
    await page.goto("/payments");
    await expect(page.getByRole("row").filter({ hasText: customerName }).first()).toContainText(/1,500/);
  });

  await test.step("generate a voucher batch and download its printable PDF", async () => {
    await page.goto("/vouchers/new");
    await expect(page.getByRole("heading", { name: "Generate vouchers" })).toBeVisible();
    const pkg = page.getByLabel("Hotspot package");
    const firstHotspot = await pkg.locator("option:not([value=''])").first().getAttribute("value");
    await pkg.selectOption(firstHotspot!);
    await page.getByLabel("Batch name").fill(`Shop ${tag}`);
    await page.getByLabel("How many").fill("48");
    await page.getByRole("button", { name: /Generate 48 vouchers/ }).click();
    await expect(page).toHaveURL(/\/vouchers\/batches\/[0-9a-f-]{36}/, { timeout: 30_000 });
    await expect(page.getByText(/48 vouchers generated/)).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(2_000);
  });

  await test.step("import customers from a CSV file", async () => {
    await page.goto("/customers");
    await page.getByRole("link", { name: "Import CSV" }).click();
    await expect(page).toHaveURL(/\/customers\/import/);
    const csv = [
      "type,name,username,password,phone,package",
      `PPPOE,Imported One ${tag},imp1-${tag},secret-pass-1,0711000001,${packageName}`,
      `PPPOE,Imported Two ${tag},imp2-${tag},secret-pass-2,0711000002,${packageName}`,
      `PPPOE,Imported Three ${tag},imp3-${tag},,0711000003,${packageName}`,
    ].join("\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    // The preview shows the rows before anything is written.
    await expect(page.getByText(`imp1-${tag}`)).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: /^Import/ }).click();
    await expect(page.getByText(/3 customers? imported|Imported 3/i)).toBeVisible({ timeout: 30_000 });
    await page.goto(`/customers?q=${tag}`);
    await expect(page.getByRole("row").filter({ hasText: `imp2-${tag}` })).toBeVisible();
  });

  await test.step("the customer comes online when the router authenticates them", async () => {
    const accept = radclient("auth", {
      "User-Name": username,
      "User-Password": password,
      "NAS-IP-Address": "127.0.0.1",
      "Service-Type": "Framed-User",
      "Framed-Protocol": "PPP",
    });
    expect(accept).toMatch(/Access-Accept/);
    const ip = `10.79.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
    const session = { username, sessionId: `newcomer-${tag}`, ip };
    await page.goto(customerUrl);
    await expect(page.getByText("Offline", { exact: true }).first()).toBeVisible();
    accountingStart(session);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("Online", { exact: true }).first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await page.goto(`/sessions?q=${username}`);
    await expect(page.getByRole("row").filter({ hasText: ip })).toContainText(customerName);
    accountingStop(session);
  });
});
