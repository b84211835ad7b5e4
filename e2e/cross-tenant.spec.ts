// Tenant isolation, as an attacker inside tenant A would probe it: with A's session cookie, A's REST
// access token and A's API key, call EVERY REST route (discovered from app/api/**/route.ts) and EVERY
// server action (discovered from the build's server-reference manifest) with tenant B's ids. Each must
// refuse, leak nothing of B, and leave B's rows exactly as they were. A revoked API key and the key of a
// tenant whose trial has ended are refused on every route, even for their own tenant.
import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_BASE_URL } from "./fixtures/env";
import { clearRateLimits, e2eDatabase, e2eTenantDatabase, rowsReferencing, seedTenant, snapshotTenant, type SeededTenant, type Sql } from "./fixtures/tenants";

test.describe.configure({ mode: "serial" });
test.setTimeout(600_000);

const ROOT = path.resolve(__dirname, "..");
const DIST = process.env.NEXT_DIST_DIR || ".next";

/** Routes anyone may call without a tenant principal: reachable by design, still checked for leaks and writes. */
const PUBLIC_ROUTES: RegExp[] = [
  /^\/api\/auth\/\[\.\.\.nextauth\]$/,
  /^\/api\/auth\/(login|register|refresh|forgot-password|reset-password)$/,
  /^\/api\/health(\/|$)/,
  /^\/api\/portal(\/|$)/,
  /^\/api\/(mpesa|payments\/mpesa|callbacks?)(\/|$)/,
];
/** Routes about the caller themself: they answer A (never B), so they are not expected to refuse. */
const SELF_ROUTES: RegExp[] = [/^\/api\/auth\/me$/, /^\/api\/events(\/|$)/];
/** Would end A's own session or token mid-suite; checked separately at the very end. */
const SKIP_WITH_SESSION: RegExp[] = [/^\/api\/auth\/logout$/];

/**
 * Server actions that act only on the caller's own tenant and may answer ok for any input: they take no
 * id, or only an optional filter id that narrows an A-scoped query (B's id then matches nothing of A).
 * Their success is still checked: B unchanged, nothing of B in the answer, no A row pointing at B.
 */
const SELF_SCOPED_ACTIONS = new Set([
  "startEnrolmentAction",
  "returnToPlatformAction",
  "returnToPlatform",
  "updateSecurityAction",
  "searchPaymentCustomersAction",
  // Without a batch id these clear A's own expired/unused vouchers; B's batch id is refused (NOT_FOUND).
  "deleteExpiredVouchersAction",
  "deleteUnusedVouchersAction",
]);

const REFUSED = new Set([400, 401, 403, 404, 405, 409, 422]);

interface Route {
  file: string;
  path: string;
  methods: string[];
  segments: string[];
}

function discoverRoutes(): Route[] {
  const out: Route[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const src = fs.readFileSync(p, "utf8");
        const methods = new Set<string>();
        for (const m of src.matchAll(/export\s+(?:const|let|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
        for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
          for (const part of m[1].split(",")) {
            const name = part.trim().split(/\s+as\s+/).pop()?.trim();
            if (name && /^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
          }
        }
        const rel = path.relative(path.join(ROOT, "app"), path.dirname(p)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
        const routePath = `/${rel.join("/")}`;
        out.push({ file: path.relative(ROOT, p), path: routePath, methods: [...methods], segments: rel.filter((s) => s.startsWith("[")) });
      }
    }
  };
  walk(path.join(ROOT, "app", "api"));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Which of B's ids fit a dynamic segment, from its name or the collection before it. */
const KIND_HINTS: [RegExp, string[]][] = [
  [/^customers?$/, ["customer"]],
  [/^(nas|routers?)$/, ["router"]],
  [/^packages?|plans?$/, ["package"]],
  [/^users?|staff|team|members?$/, ["user"]],
  [/^voucher-?batch(es)?|batch(es)?$/, ["voucherBatch"]],
  [/^vouchers?$/, ["voucher", "voucherBatch"]],
  [/^payments?$/, ["payment"]],
  [/^sessions?$/, ["session"]],
  [/^(ip-?pools?|pools?)$/, ["ipPool"]],
  [/^(api-?keys?|keys?)$/, ["apiKey"]],
  [/^tenants?$/, ["tenant"]],
  [/^(audit|mail|outbox)$/, ["audit", "mail"]],
];

function kindsFor(segment: string, previous: string | undefined, b: SeededTenant): string[] {
  const name = segment.replace(/^\[+\.{0,3}|\]+$/g, "").replace(/Id$/i, "");
  for (const candidate of [name, previous ?? ""]) {
    for (const [re, kinds] of KIND_HINTS) if (re.test(candidate.toLowerCase())) return kinds.filter((k) => b.ids[k]?.length);
  }
  if (/slug|tenant/i.test(name)) return ["slug"];
  return Object.keys(b.ids);
}

function idOf(b: SeededTenant, kind: string): string {
  return kind === "slug" ? b.slug : b.ids[kind][0];
}

/** Every concrete URL for a route: each dynamic segment filled with B's ids of the fitting kinds. */
function expand(route: Route, b: SeededTenant): string[] {
  const parts = route.path.split("/").filter(Boolean);
  let urls = [""];
  parts.forEach((part, i) => {
    if (!part.startsWith("[")) {
      urls = urls.map((u) => `${u}/${part}`);
      return;
    }
    const kinds = kindsFor(part, parts[i - 1], b);
    const values = part.startsWith("[...") || part.startsWith("[[...") ? kinds.map((k) => `${idOf(b, k)}`) : kinds.map((k) => idOf(b, k));
    urls = urls.flatMap((u) => [...new Set(values)].map((v) => `${u}/${encodeURIComponent(v)}`));
  });
  return urls;
}

function idBody(b: SeededTenant, id: string) {
  const first = (k: string) => b.ids[k]?.[0];
  return {
    id,
    ids: [id],
    tenantId: b.id,
    customerId: first("customer"),
    nasId: first("router"),
    routerId: first("router"),
    packageId: first("package"),
    userId: first("user"),
    voucherId: first("voucher"),
    batchId: first("voucherBatch"),
    paymentId: first("payment"),
    sessionId: first("session"),
    poolId: first("ipPool"),
    ipPoolId: first("ipPool"),
    apiKeyId: b.apiKeyId,
    slug: b.slug,
  };
}

interface Auth {
  label: string;
  headers: Record<string, string>;
}

async function call(method: string, url: string, auth: Auth, body?: unknown, extra: Record<string, string> = {}) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 6000);
  let text = "";
  let status = 0;
  try {
    const res = await fetch(`${E2E_BASE_URL}${url}`, {
      method,
      redirect: "manual",
      signal: ctrl.signal,
      headers: { ...auth.headers, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...extra },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    status = res.status;
    // Streams (SSE) are read until the timer: whatever arrived is checked for leaks.
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    if (reader) {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
          if (text.length > 2_000_000) break;
        }
      } catch {
        /* aborted stream */
      }
    }
  } catch (e) {
    if (!ctrl.signal.aborted) throw e;
  } finally {
    clearTimeout(timer);
  }
  return { status, text };
}

function leaks(text: string, b: SeededTenant): string[] {
  return b.secrets.filter((s) => s && text.includes(s));
}

let sql: Sql;
let a: SeededTenant;
let b: SeededTenant;
let cookieAuth: Auth;
let tokenAuth: Auth;
let keyAuth: Auth;

test.beforeAll(async () => {
  sql = e2eDatabase();
  await clearRateLimits(sql);
  a = await seedTenant(sql, "A");
  b = await seedTenant(sql, "B");

  const ctx = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signin = await ctx.post("/api/auth/callback/credentials", { form: { email: a.admin.email, password: a.admin.password, csrfToken, json: "true" } });
  expect(signin.status()).toBeLessThan(400);
  const cookies = (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookies).toContain("next-auth.session-token");
  await ctx.dispose();
  cookieAuth = { label: "A session cookie", headers: { cookie: cookies } };

  const login = await call("POST", "/api/auth/login", { label: "anon", headers: {} }, { email: a.admin.email, password: a.admin.password });
  expect(login.status).toBe(200);
  tokenAuth = { label: "A access token", headers: { authorization: `Bearer ${JSON.parse(login.text).data.accessToken}` } };
  keyAuth = { label: "A API key", headers: { authorization: `Bearer ${a.apiKey}` } };

  // Sanity: each of A's credentials works, so refusals below are about B, not about a broken login.
  for (const auth of [cookieAuth, tokenAuth, keyAuth]) {
    const me = await call("GET", "/api/auth/me", auth);
    expect(me.status, auth.label).toBe(200);
    expect(me.text).toContain(a.id);
  }
});

test.afterAll(async () => {
  await sql?.end();
});

test("every REST route refuses tenant B's ids with A's cookie, access token and API key", async () => {
  const routes = discoverRoutes();
  expect(routes.length).toBeGreaterThan(5);
  const before = await snapshotTenant(sql, b.id);
  const failures: string[] = [];
  let calls = 0;
  const covered = new Set<string>();

  for (const route of routes) {
    const isPublic = PUBLIC_ROUTES.some((re) => re.test(route.path));
    const isSelf = SELF_ROUTES.some((re) => re.test(route.path));
    for (const method of route.methods) {
      covered.add(`${method} ${route.path}`);
      for (const url of expand(route, b)) {
        for (const auth of [cookieAuth, tokenAuth, keyAuth]) {
          if (auth !== keyAuth && SKIP_WITH_SESSION.some((re) => re.test(route.path))) continue;
          const bodies: (unknown | undefined)[] = method === "GET" || method === "DELETE" ? [undefined] : Object.keys(b.ids).map((k) => idBody(b, b.ids[k][0]));
          const query = method === "GET" ? `?${new URLSearchParams(Object.entries(idBody(b, b.id)).filter(([, v]) => typeof v === "string") as [string, string][])}` : "";
          for (const body of bodies) {
            const target = `${url}${query}`;
            const res = await call(method, target, auth, body);
            calls++;
            const where = `${method} ${target} [${auth.label}] → ${res.status}`;
            const leaked = leaks(res.text, b);
            if (leaked.length) failures.push(`${where}: leaked ${leaked.join(", ")}`);
            if (res.status >= 500) failures.push(`${where}: server error ${res.text.slice(0, 200)}`);
            // A route addressed by B's id must refuse. Collection routes (no id in the path) may answer
            // for A; that they did not take B's ids is proven by the row checks after the loop.
            if (!isPublic && !isSelf && route.segments.length > 0 && !REFUSED.has(res.status)) failures.push(`${where}: not refused`);
          }
        }
      }
    }
  }
  const after = await snapshotTenant(sql, b.id);
  failures.push(...(await rowsReferencing(sql, a.id, b)).map((r) => `A's ${r} now references B`));
  console.log(`cross-tenant REST: ${routes.length} route files, ${covered.size} route×method pairs, ${calls} calls (cookie, access token, API key)`);
  console.log(`  public exceptions: ${routes.filter((r) => PUBLIC_ROUTES.some((re) => re.test(r.path))).map((r) => r.path).join(", ")}`);
  expect(failures, failures.join("\n")).toEqual([]);
  expect(after).toEqual(before);
});

interface ManifestEntry {
  workers: Record<string, unknown>;
  exportedName?: string;
  filename?: string;
}

function discoverActions(): { id: string; name: string; page: string; worker: string }[] {
  const file = path.join(ROOT, DIST, "server", "server-reference-manifest.json");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: the suite needs the launcher's build (NEXT_DIST_DIR=${DIST})`);
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry>; edge?: Record<string, ManifestEntry> };
  const out: { id: string; name: string; page: string; worker: string }[] = [];
  for (const [id, entry] of Object.entries({ ...manifest.node, ...(manifest.edge ?? {}) })) {
    // Prefer a page without dynamic segments: the action is what is tested, not the page it is posted to.
    const pages = Object.keys(entry.workers)
      .filter((w) => /\/page$/.test(w))
      .sort((x, y) => (x.match(/\[/g)?.length ?? 0) - (y.match(/\[/g)?.length ?? 0));
    const worker = pages[0] ?? Object.keys(entry.workers)[0];
    if (!worker) continue;
    const segments = worker
      .replace(/^app\//, "")
      .replace(/\/page$/, "")
      .split("/")
      .filter((s) => s && !/^\(.*\)$/.test(s) && s !== "page");
    out.push({ id, name: entry.exportedName ?? id, page: `/${segments.join("/")}`, worker });
  }
  return out;
}

test("every server action refuses tenant B's ids with A's session", async () => {
  const actions = discoverActions();
  expect(actions.length).toBeGreaterThan(3);
  const before = await snapshotTenant(sql, b.id);
  const failures: string[] = [];
  const accepted: string[] = [];
  let calls = 0;

  for (const action of actions) {
    // Dynamic page segments get a B id too: the action runs with whatever page it is posted to.
    const pageUrl = action.page.replace(/\[[^\]]+\]/g, b.ids.customer?.[0] ?? b.id);
    let okCount = 0;
    for (const kind of Object.keys(b.ids)) {
      const id = b.ids[kind][0];
      for (const args of [[null, idBody(b, id)], [idBody(b, id)], [id], [null, { id }]]) {
        const res = await call("POST", pageUrl, cookieAuth, JSON.stringify(args), {
          "next-action": action.id,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          origin: E2E_BASE_URL,
        });
        calls++;
        const where = `${action.name} (${action.worker}) ${kind} ${JSON.stringify(args).slice(0, 60)} → ${res.status}`;
        const leaked = leaks(res.text, b);
        if (leaked.length) failures.push(`${where}: leaked ${leaked.join(", ")}`);
        if (res.status >= 500 && !/"ok":false/.test(res.text)) failures.push(`${where}: server error ${res.text.slice(0, 200)}`);
        if (/"ok":true/.test(res.text)) okCount++;
      }
    }
    if (okCount > 0) {
      accepted.push(action.name);
      if (!SELF_SCOPED_ACTIONS.has(action.name)) failures.push(`${action.name} (${action.worker}) accepted B's ids ${okCount} times`);
    }
  }
  const after = await snapshotTenant(sql, b.id);
  const refs = await rowsReferencing(sql, a.id, b);
  // The audit log records what was asked (e.g. a filter id); that is not data of B. Shown, not failed.
  const notes = [...new Set(refs.filter((x) => x.startsWith("audit_log")).map((r) => r.replace(/^audit_log row …[^,]*,[^,]*,[^,]*,[^,]*,/, "audit_log: ")))];
  for (const n of notes) console.log(`  note (recorded, not data of B): A's ${n}`);
  failures.push(...refs.filter((x) => !x.startsWith("audit_log")).map((r) => `A's ${r} now references B`));
  // A's session must have survived, or the refusals above would prove nothing.
  const me = await call("GET", "/api/auth/me", cookieAuth);
  expect(me.status).toBe(200);
  console.log(`cross-tenant server actions: ${actions.length} actions, ${calls} calls; self-scoped (allowed to succeed on A only): ${accepted.join(", ") || "none"}`);
  expect(failures, failures.join("\n")).toEqual([]);
  expect(after).toEqual(before);
});

test("B's monthly-partitioned history and RADIUS log stay invisible to A, in pages and in the database", async () => {
  // Pages: A's history shows A's row and nothing of B's, even when asked for B's customer.
  for (const target of ["/sessions/history", `/sessions/history?customerId=${b.ids.customer?.[0] ?? b.id}`]) {
    const res = await call("GET", target, cookieAuth);
    expect(res.status, target).toBe(200);
    expect(res.text, target).not.toContain(b.historyUsername);
    // (The filtered page echoes the id it was asked for; that is A's input, not B's data.)
    if (!target.includes("?")) {
      expect(leaks(res.text, b), target).toEqual([]);
      expect(res.text, "A's own history row is listed (so the check above means something)").toContain(a.historyUsername);
    }
  }
  // The database: the tenant login (the role web requests run on), bound to A, cannot escape to B's rows.
  const tenantSql = e2eTenantDatabase();
  try {
    const part = `${new Date().getUTCFullYear()}${String(new Date().getUTCMonth() + 1).padStart(2, "0")}`;
    await tenantSql.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${a.id}, true)`;
      await tx`reset role`;
      const history = await tx<{ username: string }[]>`select username from session_history`;
      const log = await tx<{ username: string | null }[]>`select username from radius_log`;
      expect(history.map((r) => r.username)).toContain(a.historyUsername);
      expect([...history, ...log].map((r) => r.username)).not.toContain(b.historyUsername);
    });
    await expect(tenantSql`set role isp_trusted`).rejects.toMatchObject({ code: "42501" });
    for (const table of [`session_history_${part}`, `radius_log_${part}`, "session_history_default", "radius_log_default", "nas_metrics_default"]) {
      await expect(tenantSql.unsafe(`select * from ${table}`).catch((e: { code?: string }) => Promise.reject(new Error(`${table}: ${e.code}`)))).rejects.toThrow(`${table}: 42501`);
    }
  } finally {
    await tenantSql.end();
  }
});

test("a revoked API key and the key of a tenant whose trial has ended are refused on every route, even for their own tenant", async () => {
  const revoked = await seedTenant(sql, "C");
  const expired = await seedTenant(sql, "D");
  await sql`update api_keys set revoked_at = now() where id = ${revoked.apiKeyId}`;
  await sql`update tenants set status = 'TRIAL', trial_ends_at = now() - interval '1 minute' where id = ${expired.id}`;
  const before = [await snapshotTenant(sql, revoked.id), await snapshotTenant(sql, expired.id)];
  const failures: string[] = [];
  let calls = 0;
  for (const [owner, label] of [[revoked, "revoked key"], [expired, "trial-ended key"]] as const) {
    const auth: Auth = { label, headers: { authorization: `Bearer ${owner.apiKey}` } };
    for (const route of discoverRoutes()) {
      if (PUBLIC_ROUTES.some((re) => re.test(route.path))) continue;
      for (const method of route.methods) {
        for (const url of expand(route, owner)) {
          const res = await call(method, url, auth, method === "GET" || method === "DELETE" ? undefined : idBody(owner, owner.ids.customer?.[0] ?? owner.id));
          calls++;
          if (res.status !== 401) failures.push(`${method} ${url} [${label}] → ${res.status}: ${res.text.slice(0, 120)}`);
        }
      }
    }
  }
  console.log(`revoked / trial-ended API keys: ${calls} calls, every non-public route`);
  expect(failures, failures.join("\n")).toEqual([]);
  expect([await snapshotTenant(sql, revoked.id), await snapshotTenant(sql, expired.id)]).toEqual(before);
});

test("no spelling of B's router address can be registered or moved to by A", async () => {
  // B's routers: the seeded IPv4 one and an IPv6 one, so both families are probed.
  const [v6] = await sql<{ id: string }[]>`
    insert into nas (tenant_id, name, ip_address, secret_sealed) values (${b.id}, ${`B Router v6 ${b.slug}`}, ${`2001:db8:62::${(Number.parseInt(b.ids.router[0].slice(0, 4), 16) | 1).toString(16)}`}, 'not-a-real-sealed-secret') returning id`;
  const [[v4row], [v6row]] = await Promise.all([
    sql<{ ip_address: string }[]>`select ip_address from nas where id = ${b.ids.router[0]}`,
    sql<{ ip_address: string }[]>`select ip_address from nas where id = ${v6.id}`,
  ]);
  const v4 = v4row.ip_address;
  const octets = v4.split(".").map(Number);
  const hex = (n: number) => n.toString(16).padStart(2, "0");
  const [head, tail] = v6row.ip_address.split("::");
  const spellings = [
    v4,
    `::ffff:${v4}`,
    `::FFFF:${v4}`,
    `::ffff:${hex(octets[0])}${hex(octets[1])}:${hex(octets[2])}${hex(octets[3])}`,
    octets.map((o) => String(o).padStart(3, "0")).join("."),
    v6row.ip_address.toUpperCase(),
    `${head.split(":").map((w) => w.padStart(4, "0")).join(":")}:0000:0000:0000:0000:${tail.padStart(4, "0")}`,
  ];
  const before = await snapshotTenant(sql, b.id);
  const failures: string[] = [];
  // A router of A's own, to try moving onto B's address by update.
  const mine = await call("POST", "/api/nas", keyAuth, { name: `A Router probe ${a.slug}`, ipAddress: `10.61.254.${1 + (Number.parseInt(a.ids.router[0].slice(0, 2), 16) % 250)}` });
  expect(mine.status, mine.text).toBe(201);
  const mineId = JSON.parse(mine.text).data.id as string;
  for (const auth of [keyAuth, tokenAuth]) {
    for (const ipAddress of spellings) {
      for (const [method, url, body] of [
        ["POST", "/api/nas", { name: `A Router ${ipAddress}`, ipAddress }],
        ["PUT", `/api/nas/${mineId}`, { ipAddress }],
      ] as const) {
        const res = await call(method, url, auth, body);
        const where = `${method} ${url} ${ipAddress} [${auth.label}] → ${res.status}`;
        if (res.status !== 409) failures.push(`${where}: not refused as a conflict: ${res.text.slice(0, 200)}`);
        else {
          const error = JSON.parse(res.text).error as { code: string; details?: { fieldErrors?: Record<string, string[]> } };
          if (error.code !== "CONFLICT" || !error.details?.fieldErrors?.ipAddress) failures.push(`${where}: the answer does not name ipAddress: ${res.text}`);
        }
        const leaked = [...leaks(res.text, b), ...[b.id, b.name, b.slug].filter((x) => res.text.includes(x))];
        if (leaked.length) failures.push(`${where}: leaked ${leaked.join(", ")}`);
      }
    }
  }
  const holders = await sql<{ tenant_id: string; ip_address: string }[]>`
    select tenant_id, ip_address from nas where net_canonical_ip(ip_address) in (${v4}, ${v6row.ip_address})`;
  expect(failures, failures.join("\n")).toEqual([]);
  expect(holders.every((h) => h.tenant_id === b.id), JSON.stringify(holders)).toBe(true);
  expect(await snapshotTenant(sql, b.id)).toEqual(before);
  expect((await call("DELETE", `/api/nas/${mineId}`, keyAuth)).status).toBe(200);
  await sql`delete from nas where id = ${v6.id}`;
  console.log(`cross-tenant router addresses: ${spellings.length} spellings × create/update × 2 credentials refused`);
});

test("logout is the caller's own: it ends A's session and touches nothing of B", async () => {
  const before = await snapshotTenant(sql, b.id);
  const res = await call("POST", "/api/auth/logout", cookieAuth, {});
  expect(res.status).toBe(200);
  expect((await call("GET", "/api/auth/me", cookieAuth)).status).toBe(401);
  expect(await snapshotTenant(sql, b.id)).toEqual(before);
});
