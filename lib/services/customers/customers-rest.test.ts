// The customer REST edge: the body is parsed with the service's own schema before the service runs, so
// every field error comes back in one 400 (a typed wallet balance among them), and a partial update
// has the cross-field rules checked on the merged customer.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";

vi.mock("server-only", () => ({}));

import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { customers } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { closeDb, getDb } from "@/lib/db";
import { createTenant, createTenantSchema } from "@/lib/services/tenants/create-tenant";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { WALLET_BALANCE_READ_ONLY } from "./customer-fields";
import { makeCustomer } from "./test-fixtures";
import { GET as listCustomers, POST as postCustomer } from "@/app/api/customers/route";
import { PUT as putCustomer } from "@/app/api/customers/[id]/route";
import { POST as postAdjustment } from "@/app/api/customers/[id]/wallet-adjustments/route";
import { POST as postImport } from "@/app/api/customers/import/route";

let t: TestDatabase;
let tenantId: string;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the REST wrapper's tenant transaction uses getDb() and its tenant login
  process.env.TENANT_DATABASE_URL = t.tenantUrl;
  resetEnvCache();
  const a = await createTenant(t.db, createTenantSchema.parse({ name: "Rest Net", slug: "rest-net", status: "ACTIVE", admin: { name: "Ann Admin", email: "ann@rest.test", password: "Kiambu-Fibre-2024!" } }));
  tenantId = a!.tenant.id;
  const key = await createApiKey(t.db, { name: "integration", role: "ADMIN", tenantId }, {});
  auth = { authorization: `Bearer ${key.key}`, "content-type": "application/json" };
});
afterAll(async () => {
  await closeDb(getDb());
  await t.drop();
});

const send = (method: string, path: string, body?: unknown) =>
  new Request(`http://isp.test${path}`, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describe("customers REST edge", () => {
  it("POST reports every field error at once, a typed wallet balance among them, and writes nothing", async () => {
    const res = await postCustomer(send("POST", "/api/customers", { type: "STATIC", name: "", username: "a b", email: "x", walletBalance: 500 }), params({}));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("INVALID_INPUT");
    // Before, the wallet balance was refused on its own and the other fields were never looked at.
    expect(error.details.fieldErrors).toMatchObject({
      walletBalance: [WALLET_BALANCE_READ_ONLY],
      name: expect.any(Array),
      username: expect.any(Array),
      email: expect.any(Array),
      staticIp: ["A static customer needs a static IP"],
    });
    expect(await t.db.select().from(customers).where(eq(customers.tenantId, tenantId))).toHaveLength(0);
  });

  it("POST creates from JSON with typed values and answers 201", async () => {
    const res = await postCustomer(send("POST", "/api/customers", { type: "PPPOE", name: "Rest One", username: "rest.one", phone: "0712 345 678", autoRenew: false }), params({}));
    expect(res.status).toBe(201);
    const { data } = await res.json();
    expect(data).toMatchObject({ username: "rest.one", phone: "254712345678", autoRenew: false, walletBalance: 0 });
    expect(data.generatedPassword).toMatch(/^[a-z2-9]{8}$/);
  });

  it("PUT parses only the given fields and checks the cross-field rules on the merged customer", async () => {
    const c = await makeCustomer(t.db, tenantId, { name: "Merge Me" });
    const bad = await putCustomer(send("PUT", `/api/customers/${c.id}`, { type: "STATIC", latitude: 1 }), params({ id: c.id }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fieldErrors).toEqual({ staticIp: ["A static customer needs a static IP"], longitude: ["Give both latitude and longitude, or neither"] });
    const wallet = await putCustomer(send("PUT", `/api/customers/${c.id}`, { walletBalance: "999", email: "nope" }), params({ id: c.id }));
    expect(wallet.status).toBe(400);
    expect((await wallet.json()).error.details.fieldErrors).toEqual({ walletBalance: [WALLET_BALANCE_READ_ONLY], email: ["Enter a valid email address"] });
    const ok = await putCustomer(send("PUT", `/api/customers/${c.id}`, { type: "STATIC", staticIp: "10.9.0.7" }), params({ id: c.id }));
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toMatchObject({ name: "Merge Me", type: "STATIC", staticIp: "10.9.0.7", walletBalance: 0 });
  });

  it("GET parses the list filters at the edge: a bad filter is a 400 naming it", async () => {
    const bad = await listCustomers(send("GET", "/api/customers?status=SLEEPING&pageSize=2"), params({}));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.details.fieldErrors)).toEqual(["status"]);
    const ok = await listCustomers(send("GET", "/api/customers?q=rest.one"), params({}));
    expect((await ok.json()).data.rows.map((r: { username: string }) => r.username)).toEqual(["rest.one"]);
  });

  it("a wallet adjustment takes the customer from the path, the rest from the body", async () => {
    const c = await makeCustomer(t.db, tenantId);
    const bad = await postAdjustment(send("POST", `/api/customers/${c.id}/wallet-adjustments`, { direction: "SIDEWAYS", amount: "0" }), params({ id: c.id }));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.details.fieldErrors).sort()).toEqual(["amount", "direction", "reason"]);
    const ok = await postAdjustment(send("POST", `/api/customers/${c.id}/wallet-adjustments`, { direction: "CREDIT", amount: "250.50", reason: "Goodwill" }), params({ id: c.id }));
    expect(ok.status).toBe(201);
    expect((await ok.json()).data.balanceAfter).toBe(25_050);
  });

  it("an import's dryRun is read from the query string: it previews and writes nothing", async () => {
    const csv = "name,username\nDry Run,dry.run\n";
    const req = (q: string) => new Request(`http://isp.test/api/customers/import${q}`, { method: "POST", headers: { ...auth, "content-type": "text/csv" }, body: csv });
    const dry = await postImport(req("?dryRun=1"), params({}));
    expect((await dry.json()).data).toMatchObject({ total: 1, valid: 1, imported: 0, errors: [] });
    expect(await t.db.select().from(customers).where(eq(customers.username, "dry.run"))).toHaveLength(0);
    const real = await postImport(req(""), params({}));
    expect((await real.json()).data).toMatchObject({ imported: 1 });
  });
});
