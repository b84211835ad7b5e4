// The dashboard's figures for one tenant in a handful of aggregate queries sent together: sessions,
// customers, revenue (in the tenant's time zone and currency), vouchers, expiries and routers.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ROUTER_ONLINE_WINDOW_MS } from "@/lib/services/routers/router-fields";
import { CONNECTION_TYPES, CUSTOMER_STATUSES, VOUCHER_STATUSES } from "@/lib/db/enums";

export const getDashboardStatsSchema = z.object({
  /** How many customers expiring soon to list (the count covers all of them). */
  expiringLimit: z.coerce.number().int().min(0).max(50).default(8),
  /** Only for tests: the instant the figures are computed for. */
  now: z.coerce.date().optional(),
});
export type GetDashboardStatsInput = z.output<typeof getDashboardStatsSchema>;

type ConnType = (typeof CONNECTION_TYPES)[number];
type CustStatus = (typeof CUSTOMER_STATUSES)[number];
type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export interface ExpiringCustomer {
  id: string;
  name: string;
  username: string;
  type: ConnType;
  expiresAt: string;
  packageName: string | null;
}

export interface RouterSummary {
  id: string;
  name: string;
  ipAddress: string;
  online: boolean;
  lastSeenAt: string | null;
  sessions: number;
}

export interface DashboardStats {
  generatedAt: string;
  currency: string;
  timezone: string;
  sessions: { total: number; byType: Record<ConnType | "OTHER", number> };
  customers: {
    total: number;
    online: number;
    byType: Record<ConnType, number>;
    byStatus: Record<CustStatus, number>;
  };
  /** Minor units of `currency`, COMPLETED payments only. */
  revenue: {
    today: number;
    thisMonth: number;
    paymentsToday: number;
    /** Oldest first, always six entries; `month` is YYYY-MM in the tenant's time zone. */
    trend: { month: string; amount: number; payments: number }[];
  };
  vouchers: { total: number; byStatus: Record<VoucherStatus, number> };
  expiring: { count: number; customers: ExpiringCustomer[] };
  routers: { total: number; online: number; list: RouterSummary[] };
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/**
 * Runs `fn` in a tenant-scoped transaction of its own. Given one (the page and REST route pass
 * `(fn) => withTenant(getDb(), tenantId, fn)`), the two query groups run on two connections at once;
 * without it they share `db` and are pipelined on its connection.
 */
export type TenantScope = <T>(fn: (db: Database) => Promise<T>) => Promise<T>;

export async function getDashboardStats(db: Database, input: GetDashboardStatsInput & { tenantId: string }, scope?: TenantScope): Promise<DashboardStats> {
  const { tenantId, expiringLimit, now: nowInput } = input;
  const now = nowInput ?? new Date();
  // Raw SQL parameters go to postgres.js as ISO strings (it does not serialize Date there).
  const at = now.toISOString();
  const onlineSince = new Date(now.getTime() - ROUTER_ONLINE_WINDOW_MS).toISOString();
  const in7Days = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  const inScope: TenantScope = scope ?? ((fn) => fn(db));

  // Two groups of aggregates, the two heaviest (customers, payments) in different groups.
  const people = inScope((d) =>
    Promise.all([
      // A session's type is its customer's; voucher sessions are hotspot sessions.
      d.execute<{ type: string; n: number }>(sql`
        select coalesce(c.type::text, case when s.voucher_id is not null then 'HOTSPOT' end, 'OTHER') as type, count(*)::int as n
        from sessions s
        left join customers c on c.id = s.customer_id and c.tenant_id = ${tenantId}
        where s.tenant_id = ${tenantId}
        group by 1`),
      d.execute<{ type: ConnType; status: CustStatus; n: number; online: number }>(sql`
        select type, status, count(*)::int as n, count(*) filter (where online)::int as online
        from customers where tenant_id = ${tenantId}
        group by type, status`),
      d.execute<{ id: string; name: string; username: string; type: ConnType; expires_at: Date; package_name: string | null }>(sql`
        select c.id, c.name, c.username, c.type, c.expires_at, p.name as package_name
        from customers c left join packages p on p.id = c.package_id and p.tenant_id = ${tenantId}
        where c.tenant_id = ${tenantId} and c.status = 'ACTIVE' and c.expires_at >= ${at}::timestamptz and c.expires_at < ${in7Days}::timestamptz
        order by c.expires_at
        limit ${expiringLimit}`),
      d.execute<{ n: number }>(sql`
        select count(*)::int as n from customers
        where tenant_id = ${tenantId} and status = 'ACTIVE' and expires_at >= ${at}::timestamptz and expires_at < ${in7Days}::timestamptz`),
    ]),
  );
  const money = inScope(async (d) => {
    // The tenant's zone and currency first, with the month boundaries of the last six months and the
    // start of today in that zone: payments are then bucketed by plain comparisons (no per-row zone math).
    const [tenant] = await d.execute<{ timezone: string; currency: string; months: string[]; edges: string[]; day_start: string }>(sql`
      select t.timezone, t.currency,
             array(select to_char(m, 'YYYY-MM') from generate_series(date_trunc('month', ${at}::timestamptz at time zone t.timezone) - interval '5 months',
                   date_trunc('month', ${at}::timestamptz at time zone t.timezone), interval '1 month') m order by m) as months,
             array(select to_char((m at time zone t.timezone) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                   from generate_series(date_trunc('month', ${at}::timestamptz at time zone t.timezone) - interval '5 months',
                   date_trunc('month', ${at}::timestamptz at time zone t.timezone), interval '1 month') m order by m) as edges,
             to_char((date_trunc('day', ${at}::timestamptz at time zone t.timezone) at time zone t.timezone) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as day_start
      from tenants t where t.id = ${tenantId}`);
    if (!tenant) throw notFound("Tenant");
    const edges = tenant.edges;
    const rows = await Promise.all([
      // Bucket i (1..6) holds payments from the i-th month start; the range keeps to (tenant_id, paid_at).
      d.execute<{ bucket: number; amount: string; payments: number; today: string; today_n: number }>(sql`
        select width_bucket(paid_at, ${`{${edges.join(",")}}`}::timestamptz[]) as bucket,
               coalesce(sum(amount), 0)::text as amount,
               count(*)::int as payments,
               coalesce(sum(amount) filter (where paid_at >= ${tenant.day_start}::timestamptz), 0)::text as today,
               (count(*) filter (where paid_at >= ${tenant.day_start}::timestamptz))::int as today_n
        from payments
        where tenant_id = ${tenantId} and status = 'COMPLETED' and currency = ${tenant.currency}
          and paid_at >= ${edges[0]}::timestamptz and paid_at <= ${at}::timestamptz
        group by 1`),
      d.execute<{ status: VoucherStatus; n: number }>(sql`
        select status, count(*)::int as n from vouchers where tenant_id = ${tenantId} group by status`),
      // Online as the routers page defines it: heard from within the window, else the polled status.
      d.execute<{ id: string; name: string; ip_address: string; last_seen_at: Date | null; online: boolean; sessions: number }>(sql`
        select n.id, n.name, n.ip_address, n.last_seen_at,
               case when n.last_seen_at is not null then n.last_seen_at > ${onlineSince}::timestamptz else n.status = 'ONLINE' end as online,
               coalesce(sc.n, 0)::int as sessions
        from nas n
        left join (select nas_id, count(*) as n from sessions where tenant_id = ${tenantId} group by nas_id) sc on sc.nas_id = n.id
        where n.tenant_id = ${tenantId}
        order by n.name`),
    ]);
    return { tenant, rows };
  });
  const [[sessionRows, customerRows, expiringRows, expiringCount], { tenant, rows: [revenueRows, voucherRows, routerRows] }] = await Promise.all([people, money]);
  const tz = tenant.timezone;
  const months = tenant.months;

  const sessionsByType = { ...zeroes(CONNECTION_TYPES), OTHER: 0 } as Record<ConnType | "OTHER", number>;
  for (const r of sessionRows) sessionsByType[r.type as ConnType | "OTHER"] = (sessionsByType[r.type as ConnType] ?? 0) + Number(r.n);

  const byType = zeroes(CONNECTION_TYPES);
  const byStatus = zeroes(CUSTOMER_STATUSES);
  let customersTotal = 0;
  let online = 0;
  for (const r of customerRows) {
    byType[r.type] += Number(r.n);
    byStatus[r.status] += Number(r.n);
    customersTotal += Number(r.n);
    online += Number(r.online);
  }

  const byBucket = new Map(revenueRows.map((r) => [Number(r.bucket), r]));
  const trend = months.map((m, i) => ({ month: m, amount: Number(byBucket.get(i + 1)?.amount ?? 0), payments: Number(byBucket.get(i + 1)?.payments ?? 0) }));
  let today = 0;
  let paymentsToday = 0;
  for (const r of revenueRows) {
    today += Number(r.today);
    paymentsToday += Number(r.today_n);
  }

  const vouchersByStatus = zeroes(VOUCHER_STATUSES);
  for (const r of voucherRows) vouchersByStatus[r.status] = Number(r.n);

  const routers: RouterSummary[] = routerRows.map((r) => ({
    id: r.id,
    name: r.name,
    ipAddress: r.ip_address,
    online: !!r.online,
    lastSeenAt: r.last_seen_at ? iso(r.last_seen_at) : null,
    sessions: Number(r.sessions),
  }));

  return {
    generatedAt: now.toISOString(),
    currency: tenant.currency,
    timezone: tz,
    sessions: { total: Object.values(sessionsByType).reduce((a, b) => a + b, 0), byType: sessionsByType },
    customers: { total: customersTotal, online, byType, byStatus },
    revenue: { today, thisMonth: trend[trend.length - 1].amount, paymentsToday, trend },
    vouchers: { total: Object.values(vouchersByStatus).reduce((a, b) => a + b, 0), byStatus: vouchersByStatus },
    expiring: {
      count: Number(expiringCount[0]?.n ?? 0),
      customers: expiringRows.map((r) => ({
        id: r.id,
        name: r.name,
        username: r.username,
        type: r.type,
        expiresAt: iso(r.expires_at),
        packageName: r.package_name,
      })),
    },
    routers: { total: routers.length, online: routers.filter((r) => r.online).length, list: routers },
  };
}
