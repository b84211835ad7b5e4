// What the RADIUS worker keeps (sealed, on disk) to answer Access-Requests while PostgreSQL is away: the
// most recently active customers and the vouchers in use, with their packages and router limits, and every
// tenant's RADIUS settings. Bounded, and cross-tenant like the NAS registry (routers resolve the tenant).
// Passwords stay as stored (sealed); rows keep the shape customerOf/voucherOf read.
import type { Sql } from "postgres";
import type { Db } from "@/lib/db/client";
import { CUSTOMER_SELECT, VOUCHER_SELECT, type Row } from "./find-auth-subjects";
import { RADIUS_SETTING_KEYS } from "./get-radius-settings";
import { pgArray } from "./pg-array";

export interface AuthSnapshotRows {
  /** CUSTOMER_SELECT rows plus all_routers and router_ids (router_allowed is decided per router on use). */
  customers: Row[];
  /** VOUCHER_SELECT rows of vouchers already in use (a first login must activate, which needs the database). */
  vouchers: Row[];
  settings: { tenant_id: string; key: string; value: unknown }[];
}

const ROUTERS = `p.all_routers,
  array(select pr.nas_id::text from package_routers pr where pr.tenant_id = p.tenant_id and pr.package_id = p.id) as router_ids`;

export async function findAuthSnapshot(db: Db | Sql, input: { maxCustomers: number; maxVouchers: number }): Promise<AuthSnapshotRows> {
  const sql = "$client" in db ? db.$client : db;
  // k.nas_id is null: router_allowed is only all_routers here; router_ids carries the rest.
  const customers = await sql.unsafe(
    `select ${CUSTOMER_SELECT}, ${ROUTERS}
       from customers c
       join tenants t on t.id = c.tenant_id and t.status <> 'SUSPENDED'
       cross join lateral (select c.tenant_id, null::uuid as nas_id) k
       left join packages p on p.tenant_id = c.tenant_id and p.id = c.package_id
       left join ip_pools ip on ip.tenant_id = c.tenant_id and ip.id = c.ip_pool_id
      where c.status <> 'DISABLED'
      order by c.last_seen_at desc nulls last, c.updated_at desc
      limit $1`,
    [input.maxCustomers],
  );
  const vouchers = await sql.unsafe(
    `select ${VOUCHER_SELECT}, ${ROUTERS}
       from vouchers v
       join tenants t on t.id = v.tenant_id and t.status <> 'SUSPENDED'
       cross join lateral (select v.tenant_id, null::uuid as nas_id) k
       join packages p on p.tenant_id = v.tenant_id and p.id = v.package_id
      where v.status = 'USED' and (v.expires_at is null or v.expires_at > now())
      order by v.used_at desc nulls last
      limit $1`,
    [input.maxVouchers],
  );
  const settings = await sql.unsafe(`select tenant_id, key, value from settings where key = any($1::text[])`, [pgArray([...RADIUS_SETTING_KEYS])]);
  return {
    customers: [...customers],
    vouchers: [...vouchers],
    settings: [...settings] as unknown as AuthSnapshotRows["settings"],
  };
}
