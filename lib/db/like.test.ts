import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, tenants } from "@/lib/db/schema";
import { findAuditEntries, findAuditEntriesSchema } from "@/lib/services/audit/find-audit-entries";
import { containsPattern, escapeLike, prefixPattern } from "./like";

describe("LIKE patterns", () => {
  it("escape the wildcards and the escape character", () => {
    expect(escapeLike("50%_off\\x")).toBe("50\\%\\_off\\\\x");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
    expect(prefixPattern("nas.")).toBe("nas.%");
  });
});

describe("searching with what staff type", () => {
  let t: TestDatabase;
  let tenantId: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    [{ id: tenantId }] = await t.db.insert(tenants).values({ name: "Like", slug: "like" }).returning();
    await t.db.insert(auditLog).values([
      { tenantId, actorLabel: "OPS\\jane", action: "customer.update" },
      { tenantId, actorLabel: "OPSjane", action: "customer_update" },
      { tenantId, actorLabel: "100% sure", action: "nas.create" },
    ]);
  });
  afterAll(() => t.drop());

  it("matches a backslash, % and _ literally in the audit log's actor and action filters", async () => {
    const actors = async (actor: string) => (await findAuditEntries(t.db, { ...findAuditEntriesSchema.parse({ actor }), tenantId })).rows.map((r) => r.actorLabel).sort();
    expect(await actors("OPS\\jane")).toEqual(["OPS\\jane"]);
    expect(await actors("100%")).toEqual(["100% sure"]);
    const actions = async (action: string) => (await findAuditEntries(t.db, { ...findAuditEntriesSchema.parse({ action }), tenantId })).rows.map((r) => r.action).sort();
    expect(await actions("customer_")).toEqual(["customer_update"]);
  });
});
