// Address allocation: stable per customer, never twice, gateway and static IPs skipped, full pool → null.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ipv4ToInt } from "@/lib/net/ip";
import { allocateAddress } from "./allocate-address";

let t: TestDatabase;
let tenantId: string;
let otherTenantId: string;
let poolId: string;

async function tenant() {
  const [r] = await t.db.execute<{ id: string }>(sql`insert into tenants (name, slug, status) values ('T', ${`t-${crypto.randomBytes(4).toString("hex")}`}, 'ACTIVE') returning id`);
  return r.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenantId = await tenant();
  otherTenantId = await tenant();
  const [p] = await t.db.execute<{ id: string }>(sql`
    insert into ip_pools (tenant_id, name, cidr, range_start, range_end, gateway)
    values (${tenantId}, 'pool', '10.1.0.0/29', '10.1.0.1', '10.1.0.5', '10.1.0.1') returning id`);
  poolId = p.id;
  await t.db.execute(sql`insert into customers (tenant_id, type, name, username, static_ip) values (${tenantId}, 'STATIC', 's', 's', '10.1.0.2')`);
});

afterAll(async () => t?.drop());

describe("allocateAddress", () => {
  it("skips the gateway and static addresses, keeps an address per customer, and never hands one out twice", async () => {
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    expect(await allocateAddress(t.db, { tenantId, poolId, customerId: a })).toBe("10.1.0.3");
    expect(await allocateAddress(t.db, { tenantId, poolId, customerId: a })).toBe("10.1.0.3");
    const results = await Promise.all([b, crypto.randomUUID(), crypto.randomUUID()].map((customerId) => allocateAddress(t.db, { tenantId, poolId, customerId })));
    expect(results.filter(Boolean).sort()).toEqual(["10.1.0.4", "10.1.0.5"]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    const rows = await t.db.execute<{ ip: string }>(sql`select ip from ip_assignments where tenant_id = ${tenantId}`);
    expect(new Set(rows.map((r) => r.ip)).size).toBe(rows.length);
  });

  it("treats another tenant's pool as not found", async () => {
    await expect(allocateAddress(t.db, { tenantId: otherTenantId, poolId, customerId: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("parses IPv4", () => {
    expect(ipv4ToInt("10.1.0.3")).toBe(167837699);
    expect(() => ipv4ToInt("10.1.0")).toThrow();
  });
});
