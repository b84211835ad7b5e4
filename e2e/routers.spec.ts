import { expect, test } from "@playwright/test";
import { FakeRouter } from "@/lib/testing/fake-router";
import { ADMIN } from "./fixtures/env";
import { sendAccounting } from "./fixtures/accounting";
import { signInAs } from "./fixtures/auth";

const rand = () => Math.floor(Math.random() * 250) + 1;

test("staff add a router, get the RouterOS snippet with its secret, and see it in the list", async ({ page }) => {
  const name = `Tower ${Date.now().toString(36)}`;
  const ip = `10.${rand()}.${rand()}.${rand()}`;
  await signInAs(page, ADMIN);
  await page.goto("/routers");
  await expect(page.getByRole("heading", { name: "Routers" })).toBeVisible();
  await page.getByRole("link", { name: "Add router" }).click();
  await expect(page).toHaveURL(/\/routers\/new$/);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("IP address", { exact: true }).fill(ip);
  await page.getByLabel("Location", { exact: true }).fill("Rooftop, Kahawa West");
  await page.getByRole("button", { name: "Add router" }).click();

  await expect(page).toHaveURL(/\/routers\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const snippet = page.getByTestId("radius-snippet");
  await expect(snippet).toContainText(`src-address=${ip}`);
  await expect(snippet).toContainText("/radius incoming set accept=yes port=3799");
  await expect(snippet).toContainText("/ppp aaa set use-radius=yes accounting=yes interim-update=5m");
  await expect(snippet).toContainText("<reveal the secret>");
  await page.getByRole("button", { name: "Reveal secret" }).click();
  await expect(snippet).toContainText(/secret="[A-Za-z0-9]{32}"/);

  await page.goto("/routers");
  await page.getByPlaceholder("Search name, IP or location…").fill(ip);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText(ip);
  await expect(row).toContainText("Never seen");
});

test("the router form shows every field error: a bad IP and a short secret", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/routers/new");
  await page.getByLabel("Name", { exact: true }).fill("Bad router");
  await page.getByLabel("IP address", { exact: true }).fill("10.0.0.300");
  await page.getByLabel("Shared secret", { exact: true }).fill("short");
  await page.getByLabel("CoA port", { exact: true }).fill("70000");
  await page.getByRole("button", { name: "Add router" }).click();

  await expect(page.getByText("Enter a valid IPv4 or IPv6 address, e.g. 10.0.0.1")).toBeVisible();
  await expect(page.getByText("The shared secret must be at least 16 characters")).toBeVisible();
  await expect(page.getByText("CoA port must be 1–65535")).toBeVisible();
  await expect(page).toHaveURL(/\/routers\/new$/);
  // What was typed is kept.
  await expect(page.getByLabel("IP address", { exact: true })).toHaveValue("10.0.0.300");
});

test("a second router with the same IP is refused next to the IP field", async ({ page }) => {
  const ip = `10.${rand()}.${rand()}.${rand()}`;
  await signInAs(page, ADMIN);
  for (const [i, expectCreated] of [[1, true], [2, false]] as const) {
    await page.goto("/routers/new");
    await page.getByLabel("Name", { exact: true }).fill(`Dup ${i} ${Date.now().toString(36)}`);
    await page.getByLabel("IP address", { exact: true }).fill(ip);
    await page.getByRole("button", { name: "Add router" }).click();
    if (expectCreated) await expect(page).toHaveURL(/\?created=1$/);
  }
  await expect(page.locator("#ipAddress-error")).toHaveText("This IP address is already registered for a router");
  await expect(page).toHaveURL(/\/routers\/new$/);
});

test("the REST API manages routers: create, read, secret on demand, update, duplicate, delete", async ({ page }) => {
  await signInAs(page, ADMIN);
  const api = page.request;
  const ip = `10.${rand()}.${rand()}.${rand()}`;
  const bad = await api.post("/api/nas", { data: { name: "x", ipAddress: "nope", secret: "short" } });
  expect(bad.status()).toBe(400);
  const badBody = await bad.json();
  expect(Object.keys(badBody.error.details.fieldErrors).sort()).toEqual(["ipAddress", "name", "secret"]);

  const created = await api.post("/api/nas", { data: { name: `API ${Date.now().toString(36)}`, ipAddress: ip, coaPort: 3799 } });
  expect(created.status()).toBe(201);
  const { data: router } = await created.json();
  expect(router).toMatchObject({ ipAddress: ip, coaPort: 3799, requireMessageAuthenticator: true });
  expect(JSON.stringify(router)).not.toMatch(/sealed|secret"/i);

  const withSecret = await (await api.get(`/api/nas/${router.id}?include=secret`)).json();
  expect(withSecret.data.secret).toMatch(/^[A-Za-z0-9]{32}$/);

  const updated = await api.put(`/api/nas/${router.id}`, { data: { location: "Thika Road", requireMessageAuthenticator: false } });
  expect((await updated.json()).data).toMatchObject({ location: "Thika Road", requireMessageAuthenticator: false });

  const dup = await api.post("/api/nas", { data: { name: `API dup ${Date.now().toString(36)}`, ipAddress: ip } });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).error.details.fieldErrors.ipAddress).toBeTruthy();

  const list = await (await api.get(`/api/nas?search=${ip}`)).json();
  expect(list.data.rows.map((r: { id: string }) => r.id)).toEqual([router.id]);

  const sync = await api.post("/api/sessions/sync");
  expect(sync.status()).toBe(200);
  const closeRouter = await api.post(`/api/sessions/close-nas/${router.id}`);
  expect((await closeRouter.json()).data).toMatchObject({ state: "nothing-to-do", openSessions: 0 });

  expect((await api.delete(`/api/nas/${router.id}`)).status()).toBe(200);
  expect((await api.get(`/api/nas/${router.id}`)).status()).toBe(404);
  expect((await api.post(`/api/sessions/close-nas/${router.id}`)).status()).toBe(404);
});

test("a router's live session is disconnected from the router page through the worker's CoA client", async ({ page }) => {
  const fake = new FakeRouter({ secret: "testing123" });
  await fake.start();
  await signInAs(page, ADMIN);
  const api = page.request;
  const { data: list } = await (await api.get("/api/nas?search=127.0.0.1")).json();
  const demo = list.rows.find((r: { ipAddress: string }) => r.ipAddress === "127.0.0.1");
  expect(demo, "the demo seed has a router for 127.0.0.1").toBeTruthy();
  const originalPort = demo.coaPort;
  await api.put(`/api/nas/${demo.id}`, { data: { coaPort: fake.port } });
  try {
    const acctSessionId = `e2e-${Date.now().toString(36)}`;
    fake.addSession({ username: "demo-pppoe", acctSessionId, framedIp: "10.99.0.7" });
    const code = await sendAccounting(
      [
        ["Acct-Status-Type", "Start"],
        ["User-Name", "demo-pppoe"],
        ["Acct-Session-Id", acctSessionId],
        ["Framed-IP-Address", "10.99.0.7"],
        ["NAS-IP-Address", "127.0.0.1"],
      ],
      "testing123",
    );
    expect(code).toBe(5);

    await page.goto(`/routers/${demo.id}`);
    await page.getByRole("button", { name: "Disconnect all sessions" }).click();
    await page.getByRole("dialog").getByRole("button", { name: /^Disconnect \d+$/ }).click();
    const result = page.getByTestId("command-result");
    await expect(result).toHaveAttribute("data-verdict", "done", { timeout: 20_000 });
    await expect(result).toContainText(/Disconnected: \d+ session\(s\) closed/);
    const disconnect = fake.accepted.find((p) => p.code === 40 && p.getString("Acct-Session-Id") === acctSessionId);
    expect(disconnect, "the router stand-in received a valid Disconnect-Request").toBeTruthy();
    expect(disconnect!.getString("User-Name")).toBe("demo-pppoe");
    expect(disconnect!.getIp("Framed-IP-Address")).toBe("10.99.0.7");
  } finally {
    await api.put(`/api/nas/${demo.id}`, { data: { coaPort: originalPort } });
    await fake.stop();
  }
});
