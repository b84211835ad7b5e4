// Deep pages are read from the other end of the order; every page must still be exactly the slice a
// plain forward read would give, for every sort key, both directions, ties and NULL expiries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { withTenant } from "@/lib/db/tenant";
import { customerSortKeys, findCustomers, findCustomersSchema } from "./find-customers";
import { makeTenant } from "./test-fixtures";

let t: TestDatabase;
let tenantId: string;
const N = 47;

beforeAll(async () => {
  t = await createTestDatabase();
  tenantId = await makeTenant(t.db, "Paging");
  const statuses = ["ACTIVE", "SUSPENDED", "EXPIRED"] as const;
  await t.db.insert(customers).values(
    Array.from({ length: N }, (_, i) => ({
      tenantId,
      type: "PPPOE" as const,
      // Many ties on name, status and expiry, and some NULL expiries.
      name: `Name ${i % 5}`,
      username: `u${String(i).padStart(3, "0")}`,
      status: statuses[i % 3],
      expiresAt: i % 4 === 0 ? null : new Date(Date.UTC(2027, 0, 1 + (i % 6))),
    })),
  );
});
afterAll(() => t.drop());

describe("customer list paging", () => {
  for (const sort of customerSortKeys) {
    for (const dir of ["asc", "desc"] as const) {
      it(`gives the same rows from either end (${sort} ${dir})`, async () => {
        const all = await withTenant(t.db, tenantId, (tx) => findCustomers(tx, { ...findCustomersSchema.parse({ sort, dir, page: 1, pageSize: 200 }), tenantId }));
        expect(all.rows).toHaveLength(N);
        const pageSize = 10;
        const paged: string[] = [];
        for (let page = 1; page <= Math.ceil(N / pageSize); page++) {
          const p = await withTenant(t.db, tenantId, (tx) => findCustomers(tx, { ...findCustomersSchema.parse({ sort, dir, page, pageSize }), tenantId }));
          expect(p.total).toBe(N);
          paged.push(...p.rows.map((r) => r.id));
        }
        expect(paged).toEqual(all.rows.map((r) => r.id));
      });
    }
  }

  it("pages a search with its total taken from the same statement, past the end included", async () => {
    // "Name 3" matches i % 5 === 3: 9 of the 47.
    const all = await withTenant(t.db, tenantId, (tx) => findCustomers(tx, { ...findCustomersSchema.parse({ q: "Name 3", sort: "expiry", dir: "desc", pageSize: 200 }), tenantId }));
    expect(all.total).toBe(9);
    expect(all.rows.every((r) => r.name === "Name 3")).toBe(true);
    const paged: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const p = await withTenant(t.db, tenantId, (tx) => findCustomers(tx, { ...findCustomersSchema.parse({ q: "Name 3", sort: "expiry", dir: "desc", page, pageSize: 4 }), tenantId }));
      expect(p.total).toBe(9);
      paged.push(...p.rows.map((r) => r.id));
    }
    expect(paged).toEqual(all.rows.map((r) => r.id));
    const past = await withTenant(t.db, tenantId, (tx) => findCustomers(tx, { ...findCustomersSchema.parse({ q: "Name 3", page: 5, pageSize: 4 }), tenantId }));
    expect(past).toMatchObject({ rows: [], total: 9 });
    const none = await withTenant(t.db, tenantId, (tx) => findCustomers(tx, { ...findCustomersSchema.parse({ q: "no such name" }), tenantId }));
    expect(none).toMatchObject({ rows: [], total: 0 });
  });

  it("returns an empty page past the end", async () => {
    const p = await withTenant(t.db, tenantId, (tx) => findCustomers(tx, { ...findCustomersSchema.parse({ page: 99, pageSize: 10 }), tenantId }));
    expect(p.rows).toEqual([]);
    expect(p.total).toBe(N);
  });
});
