// The live-events route built from the edge steps: the same gates as every REST route, and a stream
// that ends when its API key is revoked.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";

vi.mock("server-only", () => ({}));

import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { tenants } from "@/lib/db/schema";
import { env, resetEnvCache } from "@/lib/env";
import { closeDb, getDb } from "@/lib/db";
import { createTenant, createTenantSchema } from "@/lib/services/tenants/create-tenant";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/services/api-keys/revoke-api-key";
import { updateSecuritySettings } from "@/lib/services/tenants/update-security-settings";
import { signIn } from "@/lib/services/auth/sign-in";
import { signAccessToken } from "@/lib/services/auth/access-token";
import { getEventHub } from "@/lib/events/hub";
import { GET } from "@/app/api/events/route";

let t: TestDatabase;
let tenantId: string;
const PASSWORD = "Kiambu-Fibre-2024!";

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // getDb() and the event hub use the test database
  resetEnvCache();
  const a = await createTenant(t.db, createTenantSchema.parse({ name: "Alpha Net", slug: "alpha", status: "TRIAL", trialDays: 14, admin: { name: "Alice Admin", email: "alice@alpha.test", password: PASSWORD } }));
  tenantId = a!.tenant.id;
});
afterAll(async () => {
  await getEventHub().close();
  await closeDb(getDb());
  await t.drop();
});

const events = (headers: Record<string, string>, signal?: AbortSignal) =>
  GET(new Request("http://isp.test/api/events", { headers, signal }), { params: Promise.resolve({}) });

async function readUntil(res: Response, pattern: RegExp, ms: number): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  while (!pattern.test(text)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
    if (!next || next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

describe("GET /api/events", () => {
  it("ends an API key's stream once the key is revoked", async () => {
    const key = await createApiKey(t.db, { name: "wallboard", role: "VIEWER", tenantId }, {});
    const ctrl = new AbortController();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const res = await events({ authorization: `Bearer ${key.key}` }, ctrl.signal);
      expect(res.status).toBe(200);
      expect(await readUntil(res, /event: ready/, 5000)).toContain("event: ready");
      await revokeApiKey(t.db, { id: key.id, tenantId }, {});
      vi.advanceTimersByTime(61_000); // the stream's once-a-minute re-check
      expect(await readUntil(res, /event: end/, 5000)).toContain("event: end");
    } finally {
      vi.useRealTimers();
      ctrl.abort();
    }
  });

  it("refuses an API key of a tenant whose trial has ended", async () => {
    const key = await createApiKey(t.db, { name: "billing", role: "ADMIN", tenantId }, {});
    expect((await events({ authorization: `Bearer ${key.key}` })).status).toBe(200);
    await t.db.update(tenants).set({ trialEndsAt: sql`now() - interval '1 minute'` }).where(eq(tenants.id, tenantId));
    try {
      const res = await events({ authorization: `Bearer ${key.key}` });
      expect(res.status).toBe(401);
    } finally {
      await t.db.update(tenants).set({ trialEndsAt: sql`now() + interval '14 days'` }).where(eq(tenants.id, tenantId));
    }
  });

  it("applies the two-factor enrolment gate like every other route", async () => {
    const s = await signIn(t.db, { email: "alice@alpha.test", password: PASSWORD }, { kind: "WEB", ip: null, userAgent: null });
    await updateSecuritySettings(t.db, { tenantId, requireTotp: true }, {});
    try {
      const token = signAccessToken(env().AUTH_SECRET, { sid: s.sessionId, sub: s.user.id });
      const res = await events({ authorization: `Bearer ${token}` });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "FORBIDDEN", details: { reason: "TOTP_SETUP_REQUIRED" } } });
    } finally {
      await updateSecuritySettings(t.db, { tenantId, requireTotp: false }, {});
    }
  });
});
