// The edges against the real web server: the client address comes from the socket, not from a
// forged X-Forwarded-For (audit log, sessions and per-IP limits), and sign-in returns only to paths of
// the app. Requests that must come from a distinct address are sent from another loopback address
// (127.0.0.x), so their counters are this spec's own.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL, E2E_PORT } from "./fixtures/env";
import { e2eDatabase, seedTenant, type SeededTenant, type Sql } from "./fixtures/tenants";

test.describe.configure({ mode: "serial" });

const FORGED = "203.0.113.77";
let sql: Sql;
let a: SeededTenant;

test.beforeAll(async () => {
  sql = e2eDatabase();
  a = await seedTenant(sql, "Edge");
});
test.afterAll(async () => {
  await sql`delete from rate_limits where key like '%127.0.0.9%' or key like ${`%${FORGED}%`}`;
  await sql?.end();
});

/** A raw HTTP request from a chosen local address (Node's fetch cannot pick one). */
function send(method: string, path: string, opts: { from: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: E2E_PORT, path, method, localAddress: opts.from, headers: { ...(opts.body ? { "content-type": "application/json" } : {}), ...opts.headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

test("a forged X-Forwarded-For changes neither the audited address nor the per-IP sign-in counter", async () => {
  const from = "127.0.0.9";
  await sql`delete from rate_limits where key like '%127.0.0.9%' or key like ${`%${FORGED}%`}`;
  const res = await send("POST", "/api/auth/login", {
    from,
    headers: { "x-forwarded-for": FORGED, "x-real-ip": FORGED },
    body: JSON.stringify({ email: a.admin.email, password: "not-the-password-1" }),
  });
  expect(res.status).toBe(401);
  const [failed] = await sql<{ ip: string | null }[]>`
    select ip from audit_log where tenant_id = ${a.id} and action = 'auth.sign_in_failed' order by created_at desc limit 1`;
  expect(failed.ip).toBe(from);
  const keys = (await sql<{ key: string }[]>`select key from rate_limits where key like 'login:ip:%'`).map((r) => r.key);
  expect(keys).toContain(`login:ip:${from}`);
  expect(keys.filter((k) => k.includes(FORGED))).toEqual([]);
});

test("a client at its per-IP sign-in limit stays limited whatever X-Forwarded-For it sends (REST and browser sign-in)", async () => {
  const from = "127.0.0.9";
  // Fill this address's window to its limit (50 × the e2e RATE_LIMIT_IP_FACTOR of 20) instead of 1000 sign-ins.
  await sql`insert into rate_limits (key, count, reset_at) values (${`login:ip:${from}`}, 1000, now() + interval '15 minutes')
            on conflict (key) do update set count = 1000, reset_at = now() + interval '15 minutes'`;
  await sql`delete from rate_limits where key = ${`login:account:${a.admin.email}`}`;
  for (const forged of [FORGED, "198.51.100.1", "10.1.2.3, 10.4.5.6"]) {
    const res = await send("POST", "/api/auth/login", { from, headers: { "x-forwarded-for": forged }, body: JSON.stringify({ email: a.admin.email, password: a.admin.password }) });
    expect(res.status, `forged ${forged}`).toBe(429);
  }
  // next-auth's credentials sign-in (what the browser form posts) goes through the same address.
  const csrf = await send("GET", "/api/auth/csrf", { from });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const cookie = ([] as string[]).concat(csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ email: a.admin.email, password: a.admin.password, csrfToken, json: "true" }).toString();
  const signin = await send("POST", "/api/auth/callback/credentials", {
    from,
    headers: { "x-forwarded-for": FORGED, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  expect(decodeURIComponent(signin.text)).toMatch(/Too many attempts/);
  expect(([] as string[]).concat(signin.headers["set-cookie"] ?? []).some((c) => c.includes("session-token=") && !/session-token=;/.test(c))).toBe(false);
  await sql`delete from rate_limits where key = ${`login:ip:${from}`}`;
});

test("browser sign-in, REST writes and server actions record the socket's address, not a forged one", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": FORGED, "x-real-ip": FORGED });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(a.admin.email);
  await page.getByLabel("Password").fill(a.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // A server action (tenantAction) that writes the audit log.
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill("Edge probe");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();

  // REST: sign-in (publicRoute) and sign-out (the actor step every REST route uses).
  const login = await fetch(`${E2E_BASE_URL}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": FORGED },
    body: JSON.stringify({ email: a.viewer.email, password: a.viewer.password }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = ((await login.json()) as { data: { accessToken: string } }).data;
  const logout = await fetch(`${E2E_BASE_URL}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${accessToken}`, "x-forwarded-for": FORGED } });
  expect(logout.status).toBe(200);

  const rows = await sql<{ action: string; ip: string | null }[]>`
    select action, ip from audit_log where tenant_id = ${a.id} and action in ('auth.sign_in', 'auth.sign_out', 'api_key.create')`;
  expect(rows.map((r) => r.action).sort()).toEqual(["api_key.create", "auth.sign_in", "auth.sign_in", "auth.sign_out"]);
  for (const r of rows) expect(r.ip, r.action).toBe("127.0.0.1");
  const sessions = await sql<{ ip: string | null }[]>`select s.ip from auth_sessions s join users u on u.id = s.user_id where u.tenant_id = ${a.id}`;
  expect(sessions.length).toBeGreaterThan(0);
  for (const s of sessions) expect(s.ip).toBe("127.0.0.1");
});

for (const callbackUrl of ["/\\evil.example", "/%5Cevil.example", "/\t/evil.example"]) {
  test(`sign-in with callbackUrl ${JSON.stringify(callbackUrl)} stays on the app`, async ({ page }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(a.admin.email);
    await page.getByLabel("Password").fill(a.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in", { timeout: 15_000 }).catch(() => undefined);
    expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
    await expect(page).toHaveURL(/\/dashboard/);
  });
}
