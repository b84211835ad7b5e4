import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { routers, tenants } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { registryFromRows, type SealedRouterRow } from "@/lib/services/radius/load-router-registry";
import { RouterRegistry } from "./router-registry";

let t: TestDatabase;
let a: string;
let b: string;
const log = pino({ level: "silent" });

beforeAll(async () => {
  t = await createTestDatabase();
  [a, b] = (await t.db.insert(tenants).values([{ name: "A", slug: "reg-a" }, { name: "B", slug: "reg-b" }]).returning()).map((r) => r.id);
  await t.db.insert(routers).values([
    { tenantId: a, name: "A v4", ipAddress: "10.20.0.1", secretSealed: sealSecret("nas-secret", "secret-of-tenant-a") },
    { tenantId: b, name: "B v6", ipAddress: "2001:db8::20", secretSealed: sealSecret("nas-secret", "secret-of-tenant-b") },
  ]);
});
afterAll(() => t.drop());

const row = (id: string, tenant: string, ip: string): SealedRouterRow => ({
  id,
  tenant_id: tenant,
  name: id,
  ip_address: ip,
  secret_sealed: sealSecret("nas-secret", `secret-${id}`),
  require_message_authenticator: true,
  coa_port: 3799,
});

describe("router registry", () => {
  it("finds a router by its source address in any spelling", async () => {
    const registry = new RouterRegistry(t.db, log, 60_000);
    await registry.start();
    try {
      for (const src of ["10.20.0.1", "::ffff:10.20.0.1", "::FFFF:0a14:0001"]) expect(registry.get(src)?.tenantId, src).toBe(a);
      for (const src of ["2001:db8::20", "2001:0DB8:0000::0020"]) expect(registry.get(src)?.tenantId, src).toBe(b);
      expect(registry.get("10.20.0.2")).toBeUndefined();
      expect(registry.get("not an address")).toBeUndefined();
    } finally {
      await registry.stop();
    }
  });

  it("serves none of the routers that claim one address, whichever order they come in", () => {
    const victim = row("victim", a, "10.30.0.1");
    const attacker = row("attacker", b, "::ffff:10.30.0.1");
    const bystander = row("bystander", a, "10.30.0.2");
    for (const rows of [[victim, attacker, bystander], [attacker, victim, bystander]]) {
      const { entries, conflicts } = registryFromRows(rows);
      expect(entries.get("10.30.0.1")).toBeUndefined();
      expect(entries.get("10.30.0.2")?.id).toBe("bystander");
      expect(conflicts.map((c) => c.id).sort()).toEqual(["attacker", "victim"]);
    }
  });

  it("does not serve a conflicting address from a saved snapshot either", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "router-registry-"));
    const file = path.join(dir, "routers.json");
    fs.writeFileSync(file, JSON.stringify([row("victim", a, "10.40.0.1"), row("attacker", b, "::ffff:0a28:0001")]));
    // A database that refuses connections: the registry falls back to the snapshot.
    const offline = new RouterRegistry({ ...t.db, execute: () => Promise.reject(new Error("down")), $client: { listen: () => Promise.reject(new Error("down")) } } as never, log, 60_000, file);
    await offline.start();
    try {
      expect(offline.get("10.40.0.1")).toBeUndefined();
    } finally {
      await offline.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
