import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { accounts, customers, users } from "@/lib/db/schema";
import { makeCustomer, makePackage, makeTenant } from "@/lib/services/customers/test-fixtures";
import { constraintField, mapDbError } from "./db-errors";

let t: TestDatabase;
let a: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
});
afterAll(() => t.drop());

/** Runs a write that violates a constraint and returns what mapDbError makes of the database's error. */
async function mapped(write: () => Promise<unknown>, messages?: Parameters<typeof mapDbError>[1]) {
  const raw = await write().then(
    () => null,
    (e: unknown) => e,
  );
  expect(raw, "the write should have been refused").not.toBeNull();
  try {
    mapDbError(raw, messages);
  } catch (e) {
    return e as { code: string; message: string; details?: { fieldErrors?: Record<string, string[]> } };
  }
}

describe("database errors at their field, from the schema", () => {
  it("knows the field of every unique index and foreign key by its name", () => {
    expect(constraintField("packages_tenant_name_key")).toEqual({ table: "packages", field: "name", kind: "unique" });
    expect(constraintField("customers_tenant_static_ip_key")?.field).toBe("staticIp");
    expect(constraintField("users_email_key")?.field).toBe("email"); // an index on lower(email)
    expect(constraintField("customers_package_id_packages_id_fk")).toMatchObject({ field: "packageId", kind: "foreign-key" });
    expect(constraintField("no_such_constraint")).toBeNull();
  });

  it("maps a unique violation no service listed to its field", async () => {
    await t.db.insert(accounts).values({ tenantId: a, name: "Rent" });
    const e = await mapped(() => t.db.insert(accounts).values({ tenantId: a, name: "Rent" }));
    expect(e).toMatchObject({ code: "CONFLICT", message: "Another account already has this name", details: { fieldErrors: { name: ["Another account already has this name"] } } });
  });

  it("maps a duplicate package name, a duplicate email and a dangling reference without a list", async () => {
    await makePackage(t.db, a, { name: "Home 10" });
    expect((await mapped(() => makePackage(t.db, a, { name: "Home 10" })))?.details?.fieldErrors).toEqual({ name: ["Another package already has this name"] });
    await t.db.insert(users).values({ tenantId: a, email: "Jane@Example.com", name: "Jane", passwordHash: "x", role: "STAFF" });
    const dup = await mapped(() => t.db.insert(users).values({ tenantId: a, email: "jane@example.com", name: "Jane 2", passwordHash: "x", role: "STAFF" }));
    expect(Object.keys(dup?.details?.fieldErrors ?? {})).toEqual(["email"]);
    const fk = await mapped(() => t.db.insert(customers).values({ tenantId: a, type: "PPPOE", name: "X", username: "x1", packageId: "00000000-0000-4000-8000-000000000000" }));
    expect(fk?.details?.fieldErrors).toEqual({ packageId: ["Choose a package from the list"] });
  });

  it("keeps a service's own wording when it gives one", async () => {
    const c = await makeCustomer(t.db, a, { username: "taken" });
    const e = await mapped(() => makeCustomer(t.db, a, { username: c.username }), { customers_tenant_username_key: ["username", "This username is already taken"] });
    expect(e?.details?.fieldErrors).toEqual({ username: ["This username is already taken"] });
  });

  it("rethrows what is not a constraint violation", () => {
    const boom = new Error("boom");
    expect(() => mapDbError(boom)).toThrow(boom);
  });
});
