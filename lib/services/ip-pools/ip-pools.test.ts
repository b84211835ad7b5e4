import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ipAssignments, routers } from "@/lib/db/schema";
import { makeCustomer, makePackage, makeTenant, testActor } from "@/lib/services/customers/test-fixtures";
import { createIpPool, createIpPoolSchema } from "./create-ip-pool";
import { updateIpPool, updateIpPoolSchema } from "./update-ip-pool";
import { deleteIpPool } from "./delete-ip-pool";
import { findIpPools, findIpPoolsSchema } from "./find-ip-pools";
import { getIpPool } from "./get-ip-pool";
import { parseCidr, resolvePoolRange } from "./ip-pool-fields";

let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
  b = await makeTenant(t.db, "B");
});
afterAll(() => t.drop());

describe("CIDR and range validation", () => {
  it("parses IPv4 CIDR and refuses host bits, bad prefixes and non-IPv4", () => {
    expect(parseCidr("10.0.0.0/24")).toEqual({ network: 167772160, prefix: 24, broadcast: 167772415 });
    for (const bad of ["10.0.0.1/24", "10.0.0.0/33", "10.0.0.0/4", "10.0.0.0", "300.0.0.0/24", "fe80::/64", "10.0.0/24"]) expect(parseCidr(bad)).toBeNull();
  });

  it("computes the usable range, skipping the gateway when it is the first host", () => {
    const issues: string[] = [];
    const add = (p: string, m: string) => issues.push(`${p}: ${m}`);
    const base = { name: "x", cidr: "10.1.0.0/24" };
    expect(resolvePoolRange({ ...base }, add)).toEqual({ rangeStart: "10.1.0.1", rangeEnd: "10.1.0.254" });
    expect(resolvePoolRange({ ...base, gateway: "10.1.0.1" }, add)).toEqual({ rangeStart: "10.1.0.2", rangeEnd: "10.1.0.254" });
    expect(resolvePoolRange({ ...base, cidr: "10.1.0.8/31" }, add)).toEqual({ rangeStart: "10.1.0.8", rangeEnd: "10.1.0.9" });
    expect(issues).toEqual([]);
  });

  it("refuses a range or gateway outside the block, and a reversed range, with every field error", async () => {
    expect(createIpPoolSchema.safeParse({ name: "Bad", cidr: "10.2.0.0/24", rangeStart: "10.3.0.1", rangeEnd: "10.2.0.300", gateway: "10.9.9.9" }).error).toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["rangeStart"] }),
        expect.objectContaining({ path: ["rangeEnd"] }),
        expect.objectContaining({ path: ["gateway"] }),
      ]),
    });
    expect(createIpPoolSchema.safeParse({ name: "Rev", cidr: "10.2.0.0/24", rangeStart: "10.2.0.100", rangeEnd: "10.2.0.10" }).error).toMatchObject({
      issues: [expect.objectContaining({ path: ["rangeEnd"], message: "Range end must not come before range start" })],
    });
    expect(createIpPoolSchema.safeParse({ name: "", cidr: "10.2.0.1/24" }).error).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["name"] }), expect.objectContaining({ path: ["cidr"] })]),
    });
  });
});

describe("IP pools", () => {
  it("creates pools, refuses overlapping ranges in the same tenant only, and duplicate names", async () => {
    const p = await createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "PPPoE A", cidr: "10.10.0.0/24", gateway: "10.10.0.1" }), tenantId: a }, testActor);
    expect(p).toMatchObject({ rangeStart: "10.10.0.2", rangeEnd: "10.10.0.254", gateway: "10.10.0.1" });
    // Two halves of one block are fine...
    await createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "Hotspot 1", cidr: "10.20.0.0/24", rangeStart: "10.20.0.10", rangeEnd: "10.20.0.99" }), tenantId: a }, testActor);
    await createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "Hotspot 2", cidr: "10.20.0.0/24", rangeStart: "10.20.0.100", rangeEnd: "10.20.0.199" }), tenantId: a }, testActor);
    // ...an overlap is not.
    await expect(createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "Clash", cidr: "10.10.0.0/16" }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { rangeStart: [expect.stringMatching(/Overlaps pool “PPPoE A”/)] } },
    });
    await expect(createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "Clash2", cidr: "10.20.0.0/24", rangeStart: "10.20.0.150", rangeEnd: "10.20.0.220" }), tenantId: a }, testActor)).rejects.toMatchObject({ code: "CONFLICT" });
    // Another tenant may use the same addresses.
    await expect(createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "PPPoE A", cidr: "10.10.0.0/24" }), tenantId: b }, testActor)).resolves.toMatchObject({ rangeStart: "10.10.0.1" });
    await expect(createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "PPPoE A", cidr: "172.16.0.0/24" }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { name: ["A pool with this name already exists"] } },
    });
  });

  it("checks that the router and package belong to the tenant", async () => {
    const otherPkg = await makePackage(t.db, b);
    const [router] = await t.db.insert(routers).values({ tenantId: a, name: "core", ipAddress: "10.0.0.1", secretSealed: "x" }).returning();
    await expect(createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "Pkg", cidr: "192.168.50.0/24", packageId: otherPkg.id }), tenantId: a }, testActor)).rejects.toMatchObject({
      details: { fieldErrors: { packageId: ["Choose one of your packages"] } },
    });
    const ok = await createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "Router pool", cidr: "192.168.60.0/28", nasId: router.id }), tenantId: a }, testActor);
    const list = await findIpPools(t.db, { ...findIpPoolsSchema.parse({}), tenantId: a });
    expect(list.rows.find((r) => r.id === ok.id)).toMatchObject({ nasName: "core", size: 14, assigned: 0, utilisation: 0 });
  });

  it("shows utilisation and assignments, refuses deleting a pool in use, and another tenant's pool is NOT_FOUND", async () => {
    const pool = await createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "Small", cidr: "192.168.70.0/29", gateway: "192.168.70.1" }), tenantId: a }, testActor);
    expect(pool).toMatchObject({ rangeStart: "192.168.70.2", rangeEnd: "192.168.70.6" });
    const c1 = await makeCustomer(t.db, a, { name: "Zed" });
    const c2 = await makeCustomer(t.db, a, { name: "Amy" });
    await t.db.insert(ipAssignments).values([
      { tenantId: a, poolId: pool.id, ip: "192.168.70.10", customerId: c1.id },
      { tenantId: a, poolId: pool.id, ip: "192.168.70.3", customerId: c2.id },
    ]);
    const detail = await getIpPool(t.db, { tenantId: a, id: pool.id });
    expect(detail).toMatchObject({ size: 5, assigned: 2, utilisation: 40 });
    expect(detail.assignments.map((x) => [x.ip, x.customerName])).toEqual([
      ["192.168.70.3", "Amy"],
      ["192.168.70.10", "Zed"],
    ]);
    await expect(deleteIpPool(t.db, { tenantId: a, id: pool.id }, testActor)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/2 assigned addresses/) });
    await expect(updateIpPool(t.db, { ...updateIpPoolSchema.parse({ name: "Small", cidr: "192.168.70.0/29", rangeStart: "192.168.70.4", rangeEnd: "192.168.70.6" }), tenantId: a, id: pool.id }, testActor)).rejects.toMatchObject({ code: "CONFLICT" });

    for (const call of [
      () => getIpPool(t.db, { tenantId: b, id: pool.id }),
      () => deleteIpPool(t.db, { tenantId: b, id: pool.id }, testActor),
      () => updateIpPool(t.db, { ...updateIpPoolSchema.parse({ name: "Mine", cidr: "10.99.0.0/24" }), tenantId: b, id: pool.id }, testActor),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await findIpPools(t.db, { ...findIpPoolsSchema.parse({}), tenantId: b })).rows.map((r) => r.id)).not.toContain(pool.id);
  });

  it("updates and deletes an empty pool", async () => {
    const pool = await createIpPool(t.db, { ...createIpPoolSchema.parse({ name: "Temp", cidr: "192.168.80.0/24" }), tenantId: a }, testActor);
    const up = await updateIpPool(t.db, { ...updateIpPoolSchema.parse({ name: "Temp 2", cidr: "192.168.80.0/25", gateway: "192.168.80.1" }), tenantId: a, id: pool.id }, testActor);
    expect(up).toMatchObject({ name: "Temp 2", rangeStart: "192.168.80.2", rangeEnd: "192.168.80.126" });
    await expect(deleteIpPool(t.db, { tenantId: a, id: pool.id }, testActor)).resolves.toEqual({ id: pool.id });
    await expect(getIpPool(t.db, { tenantId: a, id: pool.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
