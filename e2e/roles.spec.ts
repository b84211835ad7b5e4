// The newcomer's path: register an ISP in the browser, add a team member with a role, sign in as that
// member and see only what the role allows. A VIEWER cannot change anything, through the UI, REST or a
// direct server action call.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";
import { clearRateLimits, e2eDatabase, uniqueSuffix } from "./fixtures/tenants";

test.describe.configure({ mode: "serial" });

const s = uniqueSuffix();
const owner = { name: "Wanjiru Kamau", email: `wanjiru-${s}@kilifi-net.test`, password: "Kilifi-Fibre-Owner-42" };
const viewer = { name: "Otieno Viewer", email: `otieno-${s}@kilifi-net.test`, password: "Otieno-Reads-Only-42" };
const staffer = { name: "Achieng Staff", email: `achieng-${s}@kilifi-net.test`, password: "Achieng-Does-Work-42" };
const ispName = `Kilifi Net ${s}`;

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

function actionId(name: string): string {
  const file = path.join(__dirname, "..", process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`server action ${name} not in the build manifest`);
  return found[0];
}

test.beforeAll(async () => {
  const sql = e2eDatabase();
  await clearRateLimits(sql);
  await sql.end();
});

test("a newcomer registers an ISP and lands on its dashboard, on a trial", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Register your ISP" }).click();
  await expect(page.getByRole("heading", { name: "Register your ISP" })).toBeVisible();

  // Every field error shows next to its field, and nothing typed is lost.
  await page.getByLabel("ISP name").fill(ispName);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create my ISP" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("This password is too common; choose another")).toBeVisible();
  await expect(page.getByLabel("ISP name")).toHaveValue(ispName);

  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create my ISP" }).click();
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 20_000 });
  await expect(page.getByText(ispName).first()).toBeVisible();

  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByText(/Trial until/)).toBeVisible();
});

test("the admin adds a viewer and a staff member from the team page", async ({ page }) => {
  await signInAs(page, owner);
  await page.goto("/settings/team");
  await page.getByRole("button", { name: "Add team member" }).click();

  for (const [who, role] of [
    [viewer, "VIEWER"],
    [staffer, "STAFF"],
  ] as const) {
    await page.getByLabel("Name", { exact: true }).fill(who.name);
    await page.getByLabel("Email", { exact: true }).fill(who.email);
    await page.getByLabel("Role", { exact: true }).selectOption(role);
    await page.getByLabel("Set an initial password").check();
    await page.getByLabel("Initial password", { exact: true }).fill(who.password);
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByText(`${who.email} was added.`)).toBeVisible();
  }
  await page.reload();
  await expect(page.getByTestId(`member-${viewer.email}`).getByText("Viewer", { exact: true })).toBeVisible();
  await expect(page.getByTestId(`member-${staffer.email}`).getByText("Staff", { exact: true })).toBeVisible();

  // The last admin cannot demote themself.
  const me = page.getByTestId(`member-${owner.email}`);
  await me.getByRole("button", { name: "Edit" }).click();
  await me.getByLabel("Role").selectOption("VIEWER");
  await me.getByRole("button", { name: "Save" }).click();
  await expect(me.getByText(/last active admin/)).toBeVisible();
});

test("the viewer sees only what the role allows and cannot change anything", async ({ page, request }) => {
  await signInAs(page, viewer);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Team" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  // The audit log (staff, their addresses and every change) is for admins only.
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "My security" })).toBeVisible();

  // Pages of admin areas send the viewer back.
  for (const url of ["/settings/team", "/settings", "/settings/api-keys", "/settings/outbox", "/audit"]) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/dashboard\?denied=1/);
  }

  // REST with the viewer's own browser session: reads allowed, writes refused.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const me = await request.get("/api/auth/me", { headers: { cookie } });
  expect(me.status()).toBe(200);
  expect((await me.json()).data.role).toBe("VIEWER");
  const create = await request.post("/api/users", { headers: { cookie }, data: { name: "Sneaky", email: `sneaky-${s}@x.test`, role: "ADMIN", passwordMode: "password", password: "Sneaky-Admin-Pass-1" } });
  expect(create.status()).toBe(403);
  const list = await request.get("/api/users", { headers: { cookie } });
  expect(list.status()).toBe(403);
  expect((await request.get("/api/audit", { headers: { cookie } })).status()).toBe(403);
  const patch = await request.patch(`/api/users/${(await me.json()).data.user.id}`, { headers: { cookie }, data: { role: "ADMIN" } });
  expect(patch.status()).toBe(403);

  // A direct server action call (what a hand-crafted POST would do) is refused too.
  const res = await fetch(`${E2E_BASE_URL}/settings/team`, {
    method: "POST",
    headers: { cookie, "next-action": actionId("createUserAction"), accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: E2E_BASE_URL },
    body: JSON.stringify([null, { name: "Sneaky", email: `sneaky2-${s}@x.test`, role: "ADMIN", passwordMode: "password", password: "Sneaky-Admin-Pass-1" }]),
  });
  const text = await res.text();
  expect(text).toContain('"ok":false');
  expect(text).toContain("FORBIDDEN");

  const sql = e2eDatabase();
  const rows = await sql`select 1 from users where email like ${`sneaky%-${s}@x.test`} or email = ${`sneaky-${s}@x.test`}`;
  await sql.end();
  expect(rows).toHaveLength(0);

  // The viewer can still manage their own account security.
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  await expect(page.getByText("Sign-in policy", { exact: true })).toHaveCount(0);
  await signOut(page);
});

test("the staff member works day to day but cannot manage the team", async ({ page, request }) => {
  await signInAs(page, staffer);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Team" })).toHaveCount(0);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const me = await request.get("/api/auth/me", { headers: { cookie } });
  const body = await me.json();
  expect(body.data.role).toBe("STAFF");
  expect(body.data.permissions).toContain("customers:write");
  expect(body.data.permissions).not.toContain("users:write");
  expect((await request.post("/api/users", { headers: { cookie }, data: {} })).status()).toBe(403);
});

test("deactivating a member signs them out at once", async ({ browser }) => {
  const memberCtx = await browser.newContext();
  const member = await memberCtx.newPage();
  await signInAs(member, staffer);

  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signInAs(admin, owner);
  await admin.goto("/settings/team");
  const row = admin.getByTestId(`member-${staffer.email}`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Deactivated")).toBeVisible();

  await member.goto("/dashboard");
  await expect(member).toHaveURL(/\/sign-in/);
  await member.getByLabel("Email").fill(staffer.email);
  await member.getByLabel("Password").fill(staffer.password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByText(/deactivated/)).toBeVisible();
  await memberCtx.close();
  await adminCtx.close();
});
