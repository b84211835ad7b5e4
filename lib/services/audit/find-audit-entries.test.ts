import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { withTenant } from "@/lib/db/tenant";
import { auditLog, tenants } from "@/lib/db/schema";
import { findAuditEntries, findAuditEntriesSchema } from "./find-audit-entries";

describe("the audit log's date filter", () => {
  let t: TestDatabase;
  let tenantId: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    [{ id: tenantId }] = await t.db.insert(tenants).values({ name: "Zone", slug: "zone-audit", timezone: "Africa/Nairobi" }).returning();
    await t.db.insert(auditLog).values([
      // 01:30 on 11 March in Nairobi, still 10 March in UTC.
      { tenantId, actorLabel: "early", action: "customer.update", createdAt: new Date("2026-03-10T22:30:00Z") },
      // 23:30 on 11 March in Nairobi.
      { tenantId, actorLabel: "late", action: "customer.update", createdAt: new Date("2026-03-11T20:30:00Z") },
      // 00:30 on 12 March in Nairobi, still 11 March in UTC.
      { tenantId, actorLabel: "next", action: "customer.update", createdAt: new Date("2026-03-11T21:30:00Z") },
    ]);
  });
  afterAll(() => t.drop());

  it("counts a day in the tenant's zone (Africa/Nairobi), not in UTC", async () => {
    // Before: the days were UTC days, so "11 March" held "late" and "next" instead of "early" and "late".
    const day = (from: string, to: string) =>
      withTenant(t.db, tenantId, async (tx) => (await findAuditEntries(tx, { ...findAuditEntriesSchema.parse({ from, to }), tenantId })).rows.map((r) => r.actorLabel).sort());
    expect(await day("2026-03-11", "2026-03-11")).toEqual(["early", "late"]);
    expect(await day("2026-03-12", "2026-03-12")).toEqual(["next"]);
  });

  it("names the field for a date it cannot read", async () => {
    const parsed = findAuditEntriesSchema.safeParse({ from: "11/03/2026" });
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["from"], message: "Use a date like 2026-01-31" })]);
  });
});
