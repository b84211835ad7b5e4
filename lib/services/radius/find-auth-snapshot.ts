// What the RADIUS worker keeps (sealed, on disk) to answer Access-Requests while PostgreSQL is away: the
// most recently active customers and the vouchers in use, with their packages and router limits, and every
// tenant's RADIUS settings. Bounded, and cross-tenant like the router registry (routers resolve the tenant).
// Passwords stay as stored (sealed). Packages are listed once (not per customer); a customer or voucher row
// merged with its package row (by p_id) has the shape customerOf/voucherOf read.
import type { Sql } from "postgres";
import type { Db } from "@/lib/db/client";
import { CUSTOMER_COLUMNS, PACKAGE_COLUMNS, VOUCHER_COLUMNS, type Row } from "./find-auth-subjects";
import { RADIUS_SETTING_KEYS } from "./get-radius-settings";
import { pgArray } from "./pg-array";

export interface AuthSnapshotRows {
  /** CUSTOMER_COLUMNS rows with p_id, the package. */
  customers: Row[];
  /** VOUCHER_COLUMNS rows with p_id, of vouchers already in use (a first login must activate: database). */
  vouchers: Row[];
  /** PACKAGE_COLUMNS rows plus all_routers and router_ids (router_allowed is decided per router on use). */
  packages: Row[];
  settings: { tenant_id: string; key: string; value: unknown }[];
}

export async function findAuthSnapshot(db: Db | Sql, input: { maxCustomers: number; maxVouchers: number }): Promise<AuthSnapshotRows> {
  const sql = "$client" in db ? db.$client : db;
  const customers = await sql.unsafe(
    `select ${CUSTOMER_COLUMNS}, c.package_id as p_id
       from customers c
       join tenants t on t.id = c.tenant_id and t.status <> 'SUSPENDED'
       left join ip_pools ip on ip.tenant_id = c.tenant_id and ip.id = c.ip_pool_id
      where c.status <> 'DISABLED'
      order by c.last_seen_at desc nulls last, c.updated_at desc
      limit $1`,
    [input.maxCustomers],
  );
  const vouchers = await sql.unsafe(
    `select ${VOUCHER_COLUMNS}, v.package_id as p_id
       from vouchers v
       join tenants t on t.id = v.tenant_id and t.status <> 'SUSPENDED'
      where v.status = 'USED' and (v.expires_at is null or v.expires_at > now())
      order by v.used_at desc nulls last
      limit $1`,
    [input.maxVouchers],
  );
  // k.nas_id is null: router_allowed is only all_routers here; router_ids carries the rest.
  const packages = await sql.unsafe(
    `select ${PACKAGE_COLUMNS}, p.all_routers,
            array(select pr.nas_id::text from package_routers pr where pr.tenant_id = p.tenant_id and pr.package_id = p.id) as router_ids
       from packages p
       join tenants t on t.id = p.tenant_id and t.status <> 'SUSPENDED'
       cross join lateral (select p.tenant_id, null::uuid as nas_id) k`,
  );
  const settings = await sql.unsafe(`select tenant_id, key, value from settings where key = any($1::text[])`, [pgArray([...RADIUS_SETTING_KEYS])]);
  return {
    customers: [...customers],
    vouchers: [...vouchers],
    packages: [...packages],
    settings: [...settings] as unknown as AuthSnapshotRows["settings"],
  };
}
