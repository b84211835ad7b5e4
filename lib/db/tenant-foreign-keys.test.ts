import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { customers, ipPools, routers, packages, payments, tenants } from "./schema";

let t: TestDatabase;
let a: string;
let b: string;
let packageB: string;

beforeAll(async () => {
  t = await createTestDatabase();
  [a, b] = (await t.db.insert(tenants).values([{ name: "A", slug: "a" }, { name: "B", slug: "b" }]).returning()).map((r) => r.id);
  const pkg = { type: "PPPOE" as const, price: 1000, validityValue: 30, validityUnit: "DAYS" as const, downloadKbps: 1024, uploadKbps: 512 };
  [packageB] = (await t.db.insert(packages).values({ ...pkg, tenantId: b, name: "B plan" }).returning()).map((r) => r.id);
});
afterAll(() => t.drop());

const fkViolation = { cause: { code: "23503" } };

describe("tenant walls in the schema", () => {
  it("refuses, even from trusted code, a customer pointing at another tenant's package, pool or router", async () => {
    await expect(t.db.insert(customers).values({ tenantId: a, type: "PPPOE", name: "Mallory", username: "mallory", packageId: packageB })).rejects.toMatchObject(fkViolation);
    const [poolB] = await t.db.insert(ipPools).values({ tenantId: b, name: "B pool", cidr: "10.1.0.0/24", rangeStart: "10.1.0.10", rangeEnd: "10.1.0.20" }).returning();
    await expect(t.db.insert(customers).values({ tenantId: a, type: "PPPOE", name: "Mallory", username: "mallory2", ipPoolId: poolB.id })).rejects.toMatchObject(fkViolation);
    const [routerB] = await t.db.insert(routers).values({ tenantId: b, name: "B router", ipAddress: "10.2.0.1", secretSealed: "x" }).returning();
    await expect(t.db.insert(ipPools).values({ tenantId: a, name: "A pool", cidr: "10.3.0.0/24", rangeStart: "10.3.0.10", rangeEnd: "10.3.0.20", routerId: routerB.id })).rejects.toMatchObject(fkViolation);
    const [own] = await t.db.insert(customers).values({ tenantId: a, type: "PPPOE", name: "Alice", username: "alice" }).returning();
    await expect(t.db.update(customers).set({ packageId: packageB }).where(eq(customers.id, own.id))).rejects.toMatchObject(fkViolation);
  });

  it("still clears only the reference when the referenced row goes (SET NULL keeps the tenant)", async () => {
    const [pkgA] = await t.db
      .insert(packages)
      .values({ tenantId: a, name: "A plan", type: "PPPOE", price: 1000, validityValue: 30, validityUnit: "DAYS", downloadKbps: 1024, uploadKbps: 512 })
      .returning();
    const [pay] = await t.db.insert(payments).values({ tenantId: a, packageId: pkgA.id, amount: 1000, currency: "KES", method: "CASH", status: "COMPLETED" }).returning();
    await t.db.delete(packages).where(eq(packages.id, pkgA.id));
    const [after] = await t.db.select().from(payments).where(eq(payments.id, pay.id));
    expect(after).toMatchObject({ tenantId: a, packageId: null });
  });

  it("has a (tenant_id, …) key beside every reference between tenant-owned tables", async () => {
    // Every single-column foreign key from a tenant-owned table to another (users aside: platform
    // operators have no tenant) must have a composite companion on (tenant_id, that column).
    const missing = await t.db.execute<{ fk: string }>(sql`
      with tenant_tables as (
        select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not in ('tenants', 'users')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      )
      select con.conrelid::regclass::text || '.' || att.attname as fk
      from pg_constraint con
      join pg_attribute att on att.attrelid = con.conrelid and att.attnum = con.conkey[1]
      where con.contype = 'f' and array_length(con.conkey, 1) = 1
        and con.conrelid in (select oid from tenant_tables) and con.confrelid in (select oid from tenant_tables)
        and not exists (
          select 1 from pg_constraint c2
          where c2.contype = 'f' and c2.conrelid = con.conrelid and c2.confrelid = con.confrelid
            and array_length(c2.conkey, 1) = 2 and con.conkey[1] = any (c2.conkey)
            and (select attnum from pg_attribute where attrelid = con.conrelid and attname = 'tenant_id') = any (c2.conkey))
      order by 1`);
    expect(missing.map((r) => r.fk)).toEqual([]);
  });
});
