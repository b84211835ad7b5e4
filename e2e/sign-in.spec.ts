import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures/env";
import { signInAs } from "./fixtures/auth";

test("the sign-in page renders and a signed-out visitor is sent there", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password-at-all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the seeded admin signs in and sees the dashboard", async ({ page }) => {
  await signInAs(page, ADMIN);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Demo ISP").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Customers" })).toBeVisible();
});

test("signing out ends the session on the server: a copied cookie no longer works", async ({ page, browser }) => {
  await signInAs(page, ADMIN);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();
});
