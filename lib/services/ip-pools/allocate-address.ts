// Hands a customer an address from its pool: the same one on every login (one assignment per pool and
// customer), never one held by someone else (unique (tenant, ip) index), skipping the gateway.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ipv4ToInt } from "@/lib/net/ip";

export interface AllocateAddressInput {
  tenantId: string;
  poolId: string;
  customerId: string;
}

/** Returns the customer's address in the pool, allocating the lowest free one on first use; null when the pool is full. */
export async function allocateAddress(db: Database, input: AllocateAddressInput): Promise<string | null> {
  const [pool] = await db.execute<{ range_start: string; range_end: string; gateway: string | null }>(
    sql`select range_start, range_end, gateway from ip_pools where tenant_id = ${input.tenantId} and id = ${input.poolId}`,
  );
  if (!pool) throw notFound("IP pool");
  const start = ipv4ToInt(pool.range_start);
  const end = ipv4ToInt(pool.range_end);
  const gateway = pool.gateway ? ipv4ToInt(pool.gateway) : -1;
  // A lost race on the same address (unique index) just moves on to the next free one.
  for (let attempt = 0; attempt < 8; attempt++) {
    const existing = await db.execute<{ ip: string }>(
      sql`select ip from ip_assignments where tenant_id = ${input.tenantId} and pool_id = ${input.poolId} and customer_id = ${input.customerId}`,
    );
    if (existing[0]) return existing[0].ip;
    const inserted = await db.execute<{ ip: string }>(sql`
      insert into ip_assignments (tenant_id, pool_id, ip, customer_id)
      select ${input.tenantId}, ${input.poolId}, g.ip, ${input.customerId}
        from (select n, ((n >> 24) & 255)::text || '.' || ((n >> 16) & 255)::text || '.' || ((n >> 8) & 255)::text || '.' || (n & 255)::text as ip
                from generate_series(${start}::bigint, ${end}::bigint) as n) g
       where g.n <> ${gateway}
         and not exists (select 1 from ip_assignments a where a.tenant_id = ${input.tenantId} and a.ip = g.ip)
         and not exists (select 1 from customers c where c.tenant_id = ${input.tenantId} and c.static_ip = g.ip)
       order by g.n
       limit 1
      on conflict do nothing
      returning ip`);
    if (inserted[0]) return inserted[0].ip;
    const free = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from ip_assignments where tenant_id = ${input.tenantId} and pool_id = ${input.poolId}`);
    if ((free[0]?.n ?? 0) >= end - start + 1 - (gateway >= start && gateway <= end ? 1 : 0)) return null;
  }
  return null;
}
