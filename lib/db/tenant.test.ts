import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { apiKeys, customers, mailOutbox, tenants, users } from "./schema";
import { withTenant } from "./tenant";

let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const rows = await t.db
    .insert(tenants)
    .values([
      { name: "A", slug: "a" },
      { name: "B", slug: "b" },
    ])
    .returning();
  [a, b] = rows.map((r) => r.id);
  await t.db.insert(customers).values([
    { tenantId: a, type: "PPPOE", name: "Alice", username: "alice" },
    { tenantId: b, type: "PPPOE", name: "Bob", username: "bob" },
  ]);
});
afterAll(() => t.drop());

describe("row-level security (the second wall)", () => {
  it("hides other tenants' rows from a query that forgot its WHERE", async () => {
    // Deliberately unscoped, as a bug would be:
    const seen = await withTenant(t.db, a, (tx) => tx.select({ username: customers.username }).from(customers));
    expect(seen.map((r) => r.username)).toEqual(["alice"]);
    const raw = await withTenant(t.db, b, (tx) => tx.execute<{ username: string }>(sql`select username from customers`));
    expect(raw.map((r) => r.username)).toEqual(["bob"]);
    const tenantRows = await withTenant(t.db, a, (tx) => tx.select().from(tenants));
    expect(tenantRows.map((r) => r.slug)).toEqual(["a"]);
  });

  it("refuses to write a row for another tenant", async () => {
    await expect(
      withTenant(t.db, a, (tx) => tx.insert(customers).values({ tenantId: b, type: "PPPOE", name: "Mallory", username: "mallory" })),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
  });

  it("cannot update or delete another tenant's rows, even by id", async () => {
    const [bob] = await t.db.select().from(customers).where(sql`username = 'bob'`);
    const updated = await withTenant(t.db, a, (tx) => tx.update(customers).set({ name: "pwned" }).where(sql`id = ${bob.id}`).returning());
    expect(updated).toHaveLength(0);
    const deleted = await withTenant(t.db, a, (tx) => tx.delete(customers).where(sql`id = ${bob.id}`).returning());
    expect(deleted).toHaveLength(0);
    const [still] = await t.db.select().from(customers).where(sql`id = ${bob.id}`);
    expect(still.name).toBe("Bob");
  });

  it("is forced on every tenant-owned table", async () => {
    const rows = await t.db.execute<{ relname: string; forced: boolean; enabled: boolean }>(sql`
      select c.relname, c.relforcerowsecurity as forced, c.relrowsecurity as enabled
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r','p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        and c.relispartition = false`);
    expect(rows.length).toBeGreaterThan(20);
    const unprotected = rows.filter((r) => !r.forced || !r.enabled).map((r) => r.relname);
    expect(unprotected).toEqual([]);
  });

  it("hides other tenants' staff, API keys, sessions and mail from an unscoped query", async () => {
    await t.db.insert(users).values([
      { tenantId: a, email: "admin@a.test", name: "A admin", passwordHash: "x", role: "ADMIN" },
      { tenantId: b, email: "admin@b.test", name: "B admin", passwordHash: "x", role: "ADMIN" },
      { tenantId: null, email: "op@platform.test", name: "Operator", passwordHash: "x", role: "SUPER_ADMIN" },
    ]);
    await t.db.insert(apiKeys).values([
      { tenantId: a, name: "A key", prefix: "aaaaaaaa", keyHash: "hash-a" },
      { tenantId: b, name: "B key", prefix: "bbbbbbbb", keyHash: "hash-b" },
    ]);
    await t.db.insert(mailOutbox).values([
      { tenantId: a, to: "x@a.test", subject: "A mail", body: "." },
      { tenantId: b, to: "x@b.test", subject: "B mail", body: "." },
    ]);
    // Deliberately unscoped, as a bug would be:
    const seen = await withTenant(t.db, a, async (tx) => ({
      users: (await tx.select({ email: users.email }).from(users)).map((r) => r.email),
      keys: (await tx.select({ name: apiKeys.name }).from(apiKeys)).map((r) => r.name),
      mail: (await tx.select({ subject: mailOutbox.subject }).from(mailOutbox)).map((r) => r.subject),
    }));
    expect(seen).toEqual({ users: ["admin@a.test"], keys: ["A key"], mail: ["A mail"] });
  });

  it("leaves trusted code (worker, platform) able to see every tenant", async () => {
    const all = await t.db.select().from(customers);
    expect(all.map((r) => r.username).sort()).toEqual(["alice", "bob"]);
  });

  it("rejects a tenant id that is not a UUID before touching the database", async () => {
    await expect(withTenant(t.db, "' or 1=1 --", async () => 1)).rejects.toThrow(/UUID/);
  });
});
