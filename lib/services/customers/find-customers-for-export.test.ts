import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { customers } from "@/lib/db/schema";
import { parseCsv, toCsv } from "@/lib/csv";
import { EXPORT_HEADER, findCustomersForExport, type ExportCursor } from "./find-customers-for-export";
import { customerFiltersSchema } from "./find-customers";
import { makeCustomer, makeTenant } from "./test-fixtures";

let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
  b = await makeTenant(t.db, "B");
  const at = new Date("2026-01-01T00:00:00Z");
  // Same created_at for all: the id tiebreak must still page without gaps or repeats.
  await t.db.insert(customers).values(Array.from({ length: 55 }, (_, i) => ({ tenantId: a, type: "PPPOE" as const, name: `N${i}`, username: `e${i}`, status: i % 5 === 0 ? ("SUSPENDED" as const) : ("ACTIVE" as const), createdAt: at })));
  await makeCustomer(t.db, b, { username: "other-tenant" });
});
afterAll(() => t.drop());

describe("findCustomersForExport", () => {
  it("pages through every filtered row of the tenant exactly once", async () => {
    const seen: string[] = [];
    let after: ExportCursor | null = null;
    let rounds = 0;
    do {
      const batch: Awaited<ReturnType<typeof findCustomersForExport>> = await findCustomersForExport(t.db, { ...customerFiltersSchema.parse({}), tenantId: a, after, limit: 10 });
      seen.push(...batch.rows.map((r) => String(r[2])));
      after = batch.next;
      rounds++;
    } while (after && rounds < 20);
    expect(seen).toHaveLength(55);
    expect(new Set(seen).size).toBe(55);
    expect(seen).not.toContain("other-tenant");
    const suspended = await findCustomersForExport(t.db, { ...customerFiltersSchema.parse({ status: "SUSPENDED" }), tenantId: a });
    expect(suspended.rows).toHaveLength(11);
    const csv = toCsv(EXPORT_HEADER, suspended.rows);
    expect(parseCsv(csv)[0].fields).toEqual(EXPORT_HEADER);
  });
});
