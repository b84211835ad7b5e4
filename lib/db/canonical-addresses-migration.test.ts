// The migration that puts addresses, MACs and usernames in canonical form, run over a database that
// holds what the old code let in: two tenants on one router address in different spellings, mixed MAC
// spellings, one MAC on two customers, and usernames that differ only in case.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrationsFolder, runMigrations } from "./migrate";

const admin = () => postgres(inject("pgServerUrl"), { max: 1, onnotice: () => undefined });
let name: string;
let url: string;
let folder: string;

beforeAll(async () => {
  // The migrations before this one, as a database of the old code has them.
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith("_canonical_addresses"));
  expect(cut).toBeGreaterThan(0);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isp-migrations-"));
  fs.mkdirSync(path.join(folder, "meta"));
  const before = journal.entries.slice(0, cut);
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: before }));
  for (const e of before) fs.copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  name = `isp_t_${process.pid}_canon_${Date.now()}`;
  const a = admin();
  await a.unsafe(`CREATE DATABASE ${name}`);
  await a.end();
  const u = new URL(inject("pgServerUrl"));
  u.pathname = `/${name}`;
  url = u.toString();
  await runMigrations(url, { folder });
});

afterAll(async () => {
  const a = admin();
  await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await a.end();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("canonical addresses migration", () => {
  it("rewrites old rows to canonical form and resolves the collisions the old code allowed, with an audit entry each", async () => {
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      const [victim, attacker] = await sql<{ id: string }[]>`insert into tenants (name, slug) values ('Victim', 'victim'), ('Attacker', 'attacker') returning id`;
      const [vRouter] = await sql<{ id: string }[]>`
        insert into nas (tenant_id, name, ip_address, secret_sealed, created_at) values (${victim.id}, 'Core', '10.0.0.1', 's', now() - interval '1 day') returning id`;
      const [aRouter] = await sql<{ id: string }[]>`
        insert into nas (tenant_id, name, ip_address, secret_sealed) values (${attacker.id}, 'Stolen', '::FFFF:0a00:0001', 's') returning id`;
      const [v6] = await sql<{ id: string }[]>`
        insert into nas (tenant_id, name, ip_address, secret_sealed) values (${victim.id}, 'Edge', '2001:0DB8::0001', 's') returning id`;
      const customers = await sql<{ id: string; username: string }[]>`
        insert into customers (tenant_id, type, name, username, mac_address, static_ip, created_at) values
          (${victim.id}, 'PPPOE', 'Jane', 'jane.w', 'aa-bb-cc-dd-ee-01', null, now() - interval '2 hours'),
          (${victim.id}, 'PPPOE', 'Jane 2', 'JANE.W', 'AABB.CCDD.EE01', null, now() - interval '1 hour'),
          (${victim.id}, 'STATIC', 'Static', 'static', 'not a mac', '10.1.0.5', now())
        returning id, username`;

      await runMigrations(url);

      const routerRows = await sql<{ id: string; ip_address: string }[]>`select id, ip_address from nas`;
      const ipOf = (id: string) => routerRows.find((n) => n.id === id)!.ip_address;
      expect(ipOf(vRouter.id)).toBe("10.0.0.1");
      expect(ipOf(v6.id)).toBe("2001:db8::1");
      // The later registration is parked on a discard-only address, not served with the victim's.
      expect(ipOf(aRouter.id)).toMatch(/^100::/);
      const rows = await sql<{ id: string; username: string; mac_address: string | null }[]>`select id, username, mac_address from customers order by created_at`;
      expect(rows.map((r) => r.mac_address)).toEqual(["AA:BB:CC:DD:EE:01", null, null]);
      expect(rows[0].username).toBe("jane.w");
      expect(rows[1].username).toBe(`JANE.W.dup-${rows[1].id.slice(0, 8)}`);
      const audits = await sql<{ tenant_id: string; action: string; target_id: string }[]>`
        select tenant_id, action, target_id from audit_log where actor_label = 'migration' order by action`;
      expect(audits).toEqual([
        { tenant_id: victim.id, action: "customer.mac.unbound", target_id: rows[1].id },
        { tenant_id: victim.id, action: "customer.username.renamed", target_id: rows[1].id },
        { tenant_id: attacker.id, action: "nas.address.parked", target_id: aRouter.id },
      ]);
      // From now on the database itself refuses a second spelling.
      await expect(sql`insert into nas (tenant_id, name, ip_address, secret_sealed) values (${attacker.id}, 'Again', '::ffff:10.0.0.1', 's')`).rejects.toMatchObject({ code: "23514" });
      await expect(sql`insert into nas (tenant_id, name, ip_address, secret_sealed) values (${attacker.id}, 'Again', '10.0.0.1', 's')`).rejects.toMatchObject({ code: "23505" });
      await expect(sql`insert into customers (tenant_id, type, name, username) values (${victim.id}, 'PPPOE', 'J', 'Jane.W')`).rejects.toMatchObject({ code: "23505" });
      expect(customers).toHaveLength(3);
    } finally {
      await sql.end();
    }
  });
});
