import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { routers } from "@/lib/db/schema";
import { makeCustomer, makeTenant, testActor } from "@/lib/services/customers/test-fixtures";
import { createPackage, createPackageSchema } from "./create-package";
import { deletePackage } from "./delete-package";
import { findPackages, findPackagesSchema } from "./find-packages";
import { getPackage } from "./get-package";
import { retirePackage, retirePackageSchema } from "./retire-package";
import { updatePackage, updatePackageSchema } from "./update-package";

let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
  b = await makeTenant(t.db, "B");
});
afterAll(() => t.drop());

const base = { type: "PPPOE", price: "1500.50", validityValue: "30", validityUnit: "DAYS", downloadKbps: "10000", uploadKbps: "5000" };

describe("packages", () => {
  it("creates with price in minor units, quota in bytes and a MikroTik rate limit", async () => {
    const p = await createPackage(
      t.db,
      { ...createPackageSchema.parse({ ...base, name: "Home 10", burstDownloadKbps: "20000", burstUploadKbps: "10000", burstThresholdDownloadKbps: "8000", burstThresholdUploadKbps: "4000", burstTimeSeconds: "16", priority: "5", dataQuotaGb: "50", fupDownloadKbps: "1000", fupUploadKbps: "512" }), tenantId: a },
      testActor,
    );
    expect(p.price).toBe(150050);
    expect(p.dataQuotaBytes).toBe(50n * 1024n ** 3n);
    expect(p.rateLimit).toBe("5M/10M 10M/20M 4M/8M 16/16 5");
  });

  it("reports every field error, including MikroTik burst rules", async () => {
    const err = createPackageSchema.safeParse({ name: "", type: "X", price: "-1", validityValue: "", validityUnit: "DAYS", downloadKbps: "1000", uploadKbps: "1000", burstDownloadKbps: "500" }).error!;
    const fields = Object.keys(Object.fromEntries(err.issues.map((i) => [i.path.join("."), 1])));
    expect(fields).toEqual(expect.arrayContaining(["name", "type", "price", "validityValue"]));
    const err2 = createPackageSchema.safeParse({ ...base, name: "Burst", burstDownloadKbps: "500", fupDownloadKbps: "100" }).error!;
    const f2 = err2.issues.map((i) => i.path.join("."));
    expect(f2).toEqual(expect.arrayContaining(["burstUploadKbps", "burstTimeSeconds", "burstDownloadKbps", "fupUploadKbps"]));
  });

  it("refuses a duplicate name with CONFLICT naming the field", async () => {
    await createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Dup" }), tenantId: a }, testActor);
    await expect(createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Dup" }), tenantId: a }, testActor)).rejects.toMatchObject({ code: "CONFLICT", details: { fieldErrors: { name: expect.any(Array) } } });
    // Same name in another tenant is fine.
    await expect(createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Dup" }), tenantId: b }, testActor)).resolves.toMatchObject({ name: "Dup" });
  });

  it("limits a package to chosen routers of the tenant only", async () => {
    const [r1] = await t.db.insert(routers).values({ tenantId: a, name: "r1", ipAddress: "10.9.0.1", secretSealed: "x" }).returning();
    const [rb] = await t.db.insert(routers).values({ tenantId: b, name: "rb", ipAddress: "10.9.0.2", secretSealed: "x" }).returning();
    const p = await createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Routers", allRouters: "false", routerIds: [r1.id] }), tenantId: a }, testActor);
    expect(p.routerIds).toEqual([r1.id]);
    await expect(createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Routers2", allRouters: false, routerIds: [rb.id] }), tenantId: a }, testActor)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const u = await updatePackage(t.db, { ...updatePackageSchema.parse({ allRouters: true }), tenantId: a, id: p.id }, testActor);
    expect(u.routerIds).toEqual([]);
  });

  it("updates partially and keeps cross-field rules", async () => {
    const p = await createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Upd" }), tenantId: a }, testActor);
    const u = await updatePackage(t.db, { ...updatePackageSchema.parse({ price: 2000 }), tenantId: a, id: p.id }, testActor);
    expect(u.price).toBe(200000);
    expect(u.downloadKbps).toBe(10000);
    await expect(updatePackage(t.db, { ...updatePackageSchema.parse({ fupDownloadKbps: 100, fupUploadKbps: 100 }), tenantId: a, id: p.id }, testActor)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { dataQuotaGb: [expect.stringMatching(/quota/)] } },
    });
  });

  it("refuses to delete a package in use, but retires and un-retires it", async () => {
    const p = await createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Used" }), tenantId: a }, testActor);
    await makeCustomer(t.db, a, { packageId: p.id });
    await expect(deletePackage(t.db, { tenantId: a, id: p.id }, testActor)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/1 customer.*Retire/) });
    const r = await retirePackage(t.db, { ...retirePackageSchema.parse({ retired: true }), tenantId: a, id: p.id }, testActor);
    expect(r.retiredAt).toBeInstanceOf(Date);
    const active = await findPackages(t.db, { ...findPackagesSchema.parse({ pageSize: 100 }), tenantId: a });
    expect(active.rows.map((x) => x.name)).not.toContain("Used");
    const retired = await findPackages(t.db, { ...findPackagesSchema.parse({ state: "retired" }), tenantId: a });
    expect(retired.rows.map((x) => x.name)).toEqual(["Used"]);
    expect(retired.rows[0].customerCount).toBe(1);
    const back = await retirePackage(t.db, { ...retirePackageSchema.parse({ retired: false }), tenantId: a, id: p.id }, testActor);
    expect(back.retiredAt).toBeNull();
    const unused = await createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Unused" }), tenantId: a }, testActor);
    await deletePackage(t.db, { tenantId: a, id: unused.id }, testActor);
    await expect(getPackage(t.db, { tenantId: a, id: unused.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives NOT_FOUND for another tenant's package", async () => {
    const pb = await createPackage(t.db, { ...createPackageSchema.parse({ ...base, name: "Theirs" }), tenantId: b }, testActor);
    await expect(getPackage(t.db, { tenantId: a, id: pb.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updatePackage(t.db, { ...updatePackageSchema.parse({ price: 1 }), tenantId: a, id: pb.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deletePackage(t.db, { tenantId: a, id: pb.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retirePackage(t.db, { ...retirePackageSchema.parse({ retired: true }), tenantId: a, id: pb.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
