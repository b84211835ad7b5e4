// Figures over a tenant's live sessions for the sessions page and GET /api/sessions/stats: how many,
// on which routers, of which connection type, and the traffic they carry.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { SESSION_CONNECTION_TYPES, type SessionConnectionType } from "@/lib/db/enums";

/** No user input: the tenant only. */
export interface GetSessionStatsInput {
  tenantId: string;
}

export interface SessionStats {
  total: number;
  customers: number;
  vouchers: number;
  byType: Record<SessionConnectionType, number>;
  /** Every router of the tenant, busiest first (routers without sessions included, with 0). */
  byNas: { nasId: string; nasName: string; sessions: number; uploadBytes: string; downloadBytes: string }[];
  /** Decimal strings: totals can pass 2^53. Upload is the subscribers' upload (RADIUS input). */
  uploadBytes: string;
  downloadBytes: string;
}

export async function getSessionStats(db: Database, input: GetSessionStatsInput): Promise<SessionStats> {
  const { tenantId } = input;
  const [typeRows, routerRows] = await Promise.all([
    db.execute<{ type: SessionConnectionType; n: number; customers: number; vouchers: number }>(sql`
      select coalesce(c.type::text, case when s.voucher_id is not null then 'HOTSPOT' end, 'OTHER') as type,
             count(*)::int as n,
             count(distinct s.customer_id)::int as customers,
             count(distinct s.voucher_id)::int as vouchers
      from sessions s
      left join customers c on c.id = s.customer_id and c.tenant_id = ${tenantId}
      where s.tenant_id = ${tenantId}
      group by 1`),
    db.execute<{ nas_id: string; nas_name: string; n: number; up: string; down: string }>(sql`
      select n.id as nas_id, n.name as nas_name, coalesce(s.n, 0)::int as n,
             coalesce(s.up, 0)::text as up, coalesce(s.down, 0)::text as down
      from nas n
      left join (
        select nas_id, count(*) as n, sum(input_octets) as up, sum(output_octets) as down
        from sessions where tenant_id = ${tenantId} group by nas_id
      ) s on s.nas_id = n.id
      where n.tenant_id = ${tenantId}
      order by 3 desc, n.name`),
  ]);

  const byType = Object.fromEntries(SESSION_CONNECTION_TYPES.map((t) => [t, 0])) as Record<SessionConnectionType, number>;
  let total = 0;
  let customers = 0;
  let vouchers = 0;
  for (const r of typeRows) {
    byType[r.type] = Number(r.n);
    total += Number(r.n);
    customers += Number(r.customers);
    vouchers += Number(r.vouchers);
  }
  let up = 0n;
  let down = 0n;
  const byNas = routerRows.map((r) => {
    up += BigInt(r.up);
    down += BigInt(r.down);
    return { nasId: r.nas_id, nasName: r.nas_name, sessions: Number(r.n), uploadBytes: r.up, downloadBytes: r.down };
  });
  return { total, customers, vouchers, byType, byNas, uploadBytes: up.toString(), downloadBytes: down.toString() };
}
