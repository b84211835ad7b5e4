// The settings registry against a real PostgreSQL: defaults, validation naming the key, all-or-nothing
// writes, tenant walls (row-level security) and installation settings the tenant role cannot write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, settings } from "@/lib/db/schema";
import { withTenant } from "@/lib/db/tenant";
import { makeTenant, testActor } from "@/lib/services/customers/test-fixtures";
import { getRadiusSettings } from "@/lib/services/radius/get-radius-settings";
import { getSecuritySettings } from "@/lib/services/tenants/get-security-settings";
import { updateSecuritySettings, updateSecuritySettingsSchema } from "@/lib/services/tenants/update-security-settings";
import { updateInstallationSettings } from "@/lib/services/platform/update-installation-settings";
import { getSetting, getSettings, updateSettings } from "./index";

let t: TestDatabase;
let A: string;
let B: string;

beforeAll(async () => {
  t = await createTestDatabase();
  A = await makeTenant(t.db, "Alpha");
  B = await makeTenant(t.db, "Beta");
});
afterAll(() => t.drop());

describe("settings registry", () => {
  it("reads defaults for settings never written", async () => {
    expect(await getSettings(t.db, { tenantId: A, keys: ["radius.interim_interval", "radius.restricted_mode", "security"] })).toEqual({
      "radius.interim_interval": 300,
      "radius.restricted_mode": { enabled: false, addressList: "restricted", rateLimit: "256k/256k" },
      security: { requireTotp: false },
    });
    expect(await getSetting(t.db, { key: "routers.radius_address" })).toBeNull();
  });

  it("writes per tenant, audited, and the existing readers see it", async () => {
    await updateSettings(t.db, { tenantId: A, values: { "radius.interim_interval": "120", "radius.restricted_mode": { enabled: true } } }, testActor);
    expect(await getRadiusSettings(t.db, { tenantId: A })).toMatchObject({ interimIntervalSeconds: 120, restrictedMode: { enabled: true, addressList: "restricted", rateLimit: "256k/256k" } });
    expect((await getRadiusSettings(t.db, { tenantId: B })).interimIntervalSeconds).toBe(300);
    await updateSecuritySettings(t.db, { ...updateSecuritySettingsSchema.parse({ requireTotp: "on" }), tenantId: A }, testActor);
    expect(await getSecuritySettings(t.db, { tenantId: A })).toEqual({ requireTotp: true });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.tenantId, A));
    expect(audits.map((a) => a.action)).toContain("settings.update");
  });

  it("refuses bad values naming each key, and writes nothing of the batch", async () => {
    await expect(
      updateSettings(t.db, { tenantId: B, values: { "radius.interim_interval": 30, "onboarding.script_copied_at": "yesterday" } }, testActor),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { "radius.interim_interval": ["At least 60 seconds"], "onboarding.script_copied_at": [expect.any(String)] } },
    });
    await expect(updateSettings(t.db, { tenantId: B, values: { "no.such": 1 } as never }, testActor)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await t.db.select().from(settings).where(eq(settings.tenantId, B))).toEqual([]);
  });

  it("reads a stored value that no longer fits its schema as the default", async () => {
    await t.db.insert(settings).values({ tenantId: B, key: "radius.interim_interval", value: "soon" });
    expect(await getSetting(t.db, { tenantId: B, key: "radius.interim_interval" })).toBe(300);
  });

  it("keeps tenants apart under row-level security", async () => {
    const seen = await withTenant(t.db, B, (tx) => tx.execute<{ tenant_id: string }>(sql`select tenant_id from settings`));
    expect(seen.every((r) => r.tenant_id === B)).toBe(true);
    // Written inside B's transaction for A: the policy refuses it.
    await expect(withTenant(t.db, B, (tx) => updateSettings(tx, { tenantId: A, values: { "radius.interim_interval": 90 } }, testActor))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    expect((await getRadiusSettings(t.db, { tenantId: A })).interimIntervalSeconds).toBe(120);
  });

  it("installation settings: the operator writes them, a tenant transaction may read but not write", async () => {
    await expect(updateSettings(t.db, { values: { "routers.radius_address": "http://radius.example.com" } }, testActor)).rejects.toMatchObject({
      details: { fieldErrors: { "routers.radius_address": [expect.stringMatching(/without http/)] } },
    });
    await updateSettings(t.db, { values: { "routers.radius_address": " RADIUS.Example.com ", "portal.public_url": "https://isp.example.com/" } }, testActor);
    expect(await getSettings(t.db, { keys: ["routers.radius_address", "portal.public_url"] })).toEqual({
      "routers.radius_address": "radius.example.com",
      "portal.public_url": "https://isp.example.com",
    });
    expect(await withTenant(t.db, A, (tx) => getSetting(tx, { key: "routers.radius_address" }))).toBe("radius.example.com");
    await expect(withTenant(t.db, A, (tx) => updateSettings(tx, { values: { "routers.radius_address": "evil.example" } }, testActor))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
    expect(await getSetting(t.db, { key: "routers.radius_address" })).toBe("radius.example.com");
  });

  it("the operator's form: a loopback RADIUS address or a missing portal URL is refused at its field", async () => {
    await expect(updateInstallationSettings(t.db, { radiusAddress: "localhost", portalUrl: "" }, testActor)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { radiusAddress: [expect.stringMatching(/loopback/)], portalUrl: [expect.stringMatching(/full URL/)] } },
    });
    expect(await updateInstallationSettings(t.db, { radiusAddress: "203.0.113.10", portalUrl: "https://isp.example.co.ke" }, testActor)).toEqual({
      radiusAddress: "203.0.113.10",
      portalUrl: "https://isp.example.co.ke",
    });
  });
});
