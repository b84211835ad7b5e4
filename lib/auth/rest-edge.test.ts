// The REST edges parse with the services' own schemas before any work: every field error at once,
// nothing written, a malformed id a miss like another tenant's, and a refused body counts against no limit.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";

vi.mock("server-only", () => ({}));

import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, users } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { closeDb, getDb } from "@/lib/db";
import { createTenant, createTenantSchema } from "@/lib/services/tenants/create-tenant";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import * as usersRoute from "@/app/api/users/route";
import * as userRoute from "@/app/api/users/[id]/route";
import * as auditRoute from "@/app/api/audit/route";
import * as sessionsRoute from "@/app/api/sessions/route";
import * as registerRoute from "@/app/api/auth/register/route";
import * as loginRoute from "@/app/api/auth/login/route";

let t: TestDatabase;
let tenantId: string;
let adminId: string;
let auth: Record<string, string>;
const PASSWORD = "Kiambu-Fibre-2024!";

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the routes use getDb() and its tenant login
  process.env.TENANT_DATABASE_URL = t.tenantUrl;
  resetEnvCache();
  const a = await createTenant(t.db, createTenantSchema.parse({ name: "Alpha Net", slug: "alpha", status: "ACTIVE", admin: { name: "Alice Admin", email: "alice@alpha.test", password: PASSWORD } }));
  tenantId = a!.tenant.id;
  adminId = a!.admin.id;
  const key = await createApiKey(t.db, { name: "integration", role: "ADMIN", tenantId }, {});
  auth = { authorization: `Bearer ${key.key}` };
});
afterAll(async () => {
  await closeDb(getDb());
  await t.drop();
});

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
const call = <P = Record<string, string>>(handler: Handler<P>, url: string, init: RequestInit = {}, params = {} as P) =>
  handler(new Request(`http://isp.test${url}`, { ...init, headers: { "content-type": "application/json", ...auth, ...(init.headers as Record<string, string>) } }), { params: Promise.resolve(params) });
const body = (v: unknown) => JSON.stringify(v);
const fieldsOf = async (res: Response) => Object.keys(((await res.json()) as { error: { details: { fieldErrors: Record<string, string[]> } } }).error.details.fieldErrors).sort();

describe("REST edges parse with the service's schema", () => {
  it("POST /api/users names every bad field at once and writes nothing", async () => {
    const before = await t.db.select({ id: users.id }).from(users);
    const res = await call(usersRoute.POST, "/api/users", { method: "POST", body: body({ name: "", email: "x", role: "ROOT", passwordMode: "password" }) });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(["email", "name", "password", "role"]);
    expect(await t.db.select({ id: users.id }).from(users)).toHaveLength(before.length);
  });

  it("PATCH /api/users/:id refuses a bad field before changing anything, and applies a good body", async () => {
    const bad = await call(userRoute.PATCH, `/api/users/${adminId}`, { method: "PATCH", body: body({ name: "Alice Renamed", email: "not-an-address" }) }, { id: adminId });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(["email"]);
    const [row] = await t.db.select().from(users).where(eq(users.id, adminId));
    expect(row.name).toBe("Alice Admin");
    const ok = await call(userRoute.PATCH, `/api/users/${adminId}`, { method: "PATCH", body: body({ name: "Alice Wanjiru" }) }, { id: adminId });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ data: { id: adminId, name: "Alice Wanjiru", active: true } });
  });

  it("a malformed user id is NOT_FOUND for GET, PATCH and DELETE alike", async () => {
    const p = { id: "not-a-uuid" };
    const responses = [
      await call(userRoute.GET, "/api/users/not-a-uuid", {}, p),
      await call(userRoute.PATCH, "/api/users/not-a-uuid", { method: "PATCH", body: body({ name: "Somebody" }) }, p),
      await call(userRoute.PATCH, "/api/users/not-a-uuid", { method: "PATCH", body: body({ active: false }) }, p),
      await call(userRoute.DELETE, "/api/users/not-a-uuid", { method: "DELETE" }, p),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
  });

  it("the query string goes through the list schemas: a bad filter is named, '-' sorts descending", async () => {
    const audit = await call(auditRoute.GET, "/api/audit?from=someday&pageSize=9999");
    expect(audit.status).toBe(400);
    expect(await fieldsOf(audit)).toEqual(["from", "pageSize"]);
    const sessions = await call(sessionsRoute.GET, "/api/sessions?type=CARRIER-PIGEON");
    expect(sessions.status).toBe(400);
    expect(await fieldsOf(sessions)).toEqual(["type"]);
    const sorted = await call(sessionsRoute.GET, "/api/sessions?sort=-bytes&pageSize=5");
    expect(sorted.status).toBe(200);
    expect(await sorted.json()).toMatchObject({ data: { rows: [], pageSize: 5 } });
  });

  it("a body that is not an object is refused by the public routes too", async () => {
    const res = await loginRoute.POST(new Request("http://isp.test/api/auth/login", { method: "POST", body: body(["alice@alpha.test"]) }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "INVALID_INPUT", details: { fieldErrors: { _form: ["The body must be a JSON object"] } } } });
  });

  it("registration bodies that fail validation do not use up the address's registration limit", async () => {
    const from = { "x-forwarded-for": "198.51.100.7" };
    const register = (v: unknown) => registerRoute.POST(new Request("http://isp.test/api/auth/register", { method: "POST", headers: from, body: body(v) }));
    for (let i = 0; i < 10; i++) {
      const res = await register({ name: "x", slug: "-", adminName: "x", email: "x", password: "x" });
      expect(res.status).toBe(400);
    }
    const ok = await register({ name: "Gamma Net", slug: "gamma", adminName: "Gina", email: "gina@gamma.test", password: PASSWORD });
    expect(ok.status).toBe(202);
    const created = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from tenants where slug = 'gamma'`);
    expect(created[0].n).toBe(1);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "tenant.create"))).toHaveLength(2);
  });
});
