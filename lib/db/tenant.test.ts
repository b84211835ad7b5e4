import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { apiKeys, customers, mailOutbox, routers, radiusLog, sessionHistory, tenants, users } from "./schema";
import { withTenant } from "./tenant";
import { ensureTenantLogin } from "./tenant-login";

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

/** YYYYMM of the month `offset` months from now (UTC, as the partitions are named). */
function monthOf(offset: number) {
  const d = new Date();
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 15));
  return { date: m, suffix: `${m.getUTCFullYear()}${String(m.getUTCMonth() + 1).padStart(2, "0")}` };
}

const permissionDenied = { cause: { code: "42501" } };

describe("the tenant login cannot leave the wall", () => {
  beforeAll(async () => {
    const [routerB] = await t.db.insert(routers).values({ tenantId: b, name: "B router", ipAddress: "10.9.9.9", secretSealed: "x" }).returning();
    await t.db.insert(sessionHistory).values({
      tenantId: b, routerId: routerB.id, username: "bob", acctSessionId: "b-1", startedAt: new Date(Date.now() - 3_600_000), stoppedAt: new Date(),
    });
    await t.db.insert(radiusLog).values({ tenantId: b, nasIp: "10.9.9.9", kind: "AUTH", username: "bob", outcome: "ACCEPT" });
  });

  it("runs tenant requests on a login role of their own, not the owner, with no way to the trusted role", async () => {
    const [who] = await withTenant(t.db, a, (tx) =>
      tx.execute<{ session_user: string; trusted: boolean; owner: boolean }>(sql`
        select session_user::text as session_user, pg_has_role(session_user, 'isp_trusted', 'MEMBER') as trusted,
               pg_has_role(session_user, (select relowner from pg_class where relname = 'customers'), 'MEMBER') as owner`),
    );
    expect(who.session_user).toBe(new URL(t.tenantUrl).username);
    expect(who).toMatchObject({ trusted: false, owner: false });
  });

  it("sees nothing of another tenant after RESET ROLE, and cannot SET ROLE to a trusted role", async () => {
    const seen = await withTenant(t.db, a, async (tx) => {
      await tx.execute(sql`reset role`);
      return (await tx.execute<{ username: string }>(sql`select username from customers`)).map((r) => r.username);
    });
    expect(seen).toEqual(["alice"]);
    for (const role of ["isp_trusted", "postgres"]) {
      await expect(withTenant(t.db, a, (tx) => tx.execute(sql.raw(`set role ${role}`)))).rejects.toMatchObject(permissionDenied);
    }
  });

  it("cannot read a monthly partition directly, so another tenant's history and RADIUS log stay hidden", async () => {
    const now = monthOf(0).suffix;
    for (const part of [`session_history_${now}`, `radius_log_${now}`, "session_history_default", "nas_metrics_default"]) {
      await expect(withTenant(t.db, a, (tx) => tx.execute(sql.raw(`select * from ${part}`)))).rejects.toMatchObject(permissionDenied);
      await expect(
        withTenant(t.db, a, async (tx) => {
          await tx.execute(sql`reset role`);
          return tx.execute(sql.raw(`select * from ${part}`));
        }),
      ).rejects.toMatchObject(permissionDenied);
    }
    // Through the parent (with its policy) B's rows stay invisible to A and visible to B.
    const viaParent = await withTenant(t.db, a, async (tx) => ({
      history: await tx.select().from(sessionHistory),
      log: await tx.select().from(radiusLog),
    }));
    expect(viaParent).toEqual({ history: [], log: [] });
    const own = await withTenant(t.db, b, (tx) => tx.select({ u: sessionHistory.username }).from(sessionHistory));
    expect(own).toEqual([{ u: "bob" }]);
  });

  it("covers a partition the maintenance job creates later", async () => {
    const future = monthOf(6);
    const [created] = await t.db.execute<{ n: number }>(sql`select isp_ensure_partitions('radius_log', 0, 7) as n`);
    expect(created.n).toBeGreaterThan(0);
    await t.db.insert(radiusLog).values({ tenantId: b, nasIp: "10.9.9.9", kind: "AUTH", username: "bob-later", outcome: "ACCEPT", createdAt: future.date });
    await expect(withTenant(t.db, a, (tx) => tx.execute(sql.raw(`select * from radius_log_${future.suffix}`)))).rejects.toMatchObject(permissionDenied);
    const [flags] = await t.db.execute<{ enabled: boolean; forced: boolean }>(
      sql`select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where relname = ${`radius_log_${future.suffix}`}`,
    );
    expect(flags).toEqual({ enabled: true, forced: true });
  });

  it("leaves no partition of any table reachable by the tenant role or without forced policies", async () => {
    const rows = await t.db.execute<{ relname: string; schema: string; granted: boolean; forced: boolean }>(sql`
      select c.relname, ns.nspname as schema,
             has_table_privilege('isp_tenant', c.oid, 'SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER') as granted,
             c.relrowsecurity and c.relforcerowsecurity as forced
      from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      join pg_namespace ns on ns.oid = c.relnamespace
      where p.relkind = 'p'`);
    const tenantTables = rows.filter((r) => r.schema === "public");
    expect(tenantTables.length).toBeGreaterThan(10);
    expect(tenantTables.filter((r) => r.granted || !r.forced).map((r) => r.relname)).toEqual([]);
    // The job queue's per-queue partitions hold no tenant's rows for the tenant role: it may only insert
    // into the parent (and read back ids), never touch a partition.
    const queueTables = rows.filter((r) => r.schema === "pgboss");
    expect(queueTables.length).toBeGreaterThan(0);
    expect(queueTables.filter((r) => r.granted).map((r) => r.relname)).toEqual([]);
  });

  it("refuses a tenant login that could see every tenant", async () => {
    const admin = postgres(t.url, { max: 1, onnotice: () => undefined });
    try {
      const owner = new URL(t.url); // the migrating role itself
      await expect(ensureTenantLogin(admin, owner.toString())).rejects.toThrow(/TENANT_DATABASE_URL: .*migrating role/);
      const role = `isp_tl_bad_${process.pid}`;
      await admin.unsafe(`CREATE ROLE ${role} LOGIN PASSWORD 'x' IN ROLE isp_trusted`);
      try {
        const trusted = new URL(t.url);
        trusted.username = role;
        trusted.password = "x";
        await expect(ensureTenantLogin(admin, trusted.toString())).rejects.toThrow(/member of isp_trusted/);
      } finally {
        await admin.unsafe(`DROP ROLE ${role}`);
      }
    } finally {
      await admin.end();
    }
  });
});
