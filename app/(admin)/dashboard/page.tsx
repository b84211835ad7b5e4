import type { Metadata } from "next";
import Link from "next/link";
import { Activity, CalendarClock, CreditCard, Router, Ticket, Users } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { CONNECTION_TYPES, CUSTOMER_STATUSES, SESSION_CONNECTION_TYPES, VOUCHER_STATUSES } from "@/lib/db/enums";
import { getDashboardStats, getDashboardStatsSchema } from "@/lib/services/dashboard/get-dashboard-stats";
import { getOnboardingSteps } from "@/lib/services/dashboard/get-onboarding-steps";
import { formatMoney } from "@/lib/money";
import { LiveRefresh } from "@/lib/events/live-refresh";
import { Card, CardBody, CardHeader, CardLink, CardList, CardListItem, EmptyState, PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { RevenueChart } from "@/components/charts/revenue-chart";
import { DonutChart } from "@/components/charts/donut-chart";
import { BreakdownBars } from "@/components/charts/breakdown-bars";
import { monthLabel } from "@/components/charts/format";
import { OnboardingChecklist } from "./onboarding-checklist";
import { formatDateTime, zoneLabel } from "@/lib/format";

export const metadata: Metadata = { title: "Dashboard" };

const TYPE_LABELS = { PPPOE: "PPPoE", HOTSPOT: "Hotspot", DHCP: "DHCP", STATIC: "Static", OTHER: "Other" } as const;
const TYPE_COLORS = { PPPOE: "#6366f1", HOTSPOT: "#f59e0b", DHCP: "#0ea5e9", STATIC: "#10b981", OTHER: "#94a3b8" } as const;
const STATUS_COLORS = { ACTIVE: "#10b981", SUSPENDED: "#f59e0b", EXPIRED: "#ef4444", DISABLED: "#94a3b8" } as const;
const VOUCHER_COLORS = { AVAILABLE: "#6366f1", USED: "#10b981", EXPIRED: "#f59e0b", REVOKED: "#94a3b8" } as const;
const title = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

function relativeDays(iso: string, now: Date): string {
  const hours = (new Date(iso).getTime() - now.getTime()) / 3_600_000;
  if (hours < 1) return "within the hour";
  if (hours < 24) return `in ${Math.round(hours)} h`;
  const days = Math.round(hours / 24);
  return days === 1 ? "tomorrow" : `in ${days} days`;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaffPage("dashboard:read");
  const sp = await searchParams;
  // Each query group in its own tenant-scoped transaction, so they run on two connections at once.
  const [s, onboarding] = await Promise.all([
    getDashboardStats(getDb(), { ...getDashboardStatsSchema.parse({}), tenantId: staff.tenantId }, (fn) => withTenant(getDb(), staff.tenantId, fn)),
    withTenant(getDb(), staff.tenantId, (tx) => getOnboardingSteps(tx, { tenantId: staff.tenantId })),
  ]);
  const now = new Date(s.generatedAt);
  const money = (minor: number) => formatMoney(minor, s.currency);
  const lastMonth = s.revenue.trend.at(-2)?.amount ?? 0;
  const monthDelta = lastMonth > 0 ? Math.round(((s.revenue.thisMonth - lastMonth) / lastMonth) * 100) : null;
  const seeSessions = can(staff.role, "sessions:read");
  const seeCustomers = can(staff.role, "customers:read");

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Overview of ${staff.tenantName} · times in ${zoneLabel(s.timezone)}`}
        actions={<LiveRefresh />}
      />
      {sp.denied && (
        <div role="status" className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          You do not have permission to open that page. Ask an admin if you need it.
        </div>
      )}

      {!onboarding.allDone && <OnboardingChecklist steps={onboarding.steps} />}

      <StatGrid label="Key figures">
        <StatCard
          label="Active sessions"
          value={<span data-testid="stat-active-sessions">{s.sessions.total.toLocaleString()}</span>}
          hint={`${s.customers.online.toLocaleString()} customers online`}
          icon={<Activity className="size-5" />}
        />
        <StatCard
          label="Customers"
          value={s.customers.total.toLocaleString()}
          hint={`${s.customers.byStatus.ACTIVE.toLocaleString()} active · ${s.customers.byStatus.SUSPENDED.toLocaleString()} suspended · ${s.customers.byStatus.EXPIRED.toLocaleString()} expired`}
          icon={<Users className="size-5" />}
        />
        <StatCard
          label="Revenue today"
          value={money(s.revenue.today)}
          hint={`${s.revenue.paymentsToday.toLocaleString()} payment${s.revenue.paymentsToday === 1 ? "" : "s"} · this month ${money(s.revenue.thisMonth)}`}
          icon={<CreditCard className="size-5" />}
        />
        <StatCard
          label="Routers online"
          value={
            <>
              {s.routers.online}
              <span className="text-base font-normal text-slate-400"> / {s.routers.total}</span>
            </>
          }
          hint={s.routers.total === 0 ? "No routers yet" : s.routers.online === s.routers.total ? "All routers reachable" : `${s.routers.total - s.routers.online} not heard from recently`}
          icon={<Router className="size-5" />}
        />
      </StatGrid>

      <section className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Revenue"
            description={`Completed payments, last 6 months (${s.currency})`}
            actions={
              <div className="text-right">
                <p className="text-lg font-semibold tabular-nums text-slate-900">{money(s.revenue.thisMonth)}</p>
                <p className="text-xs text-slate-500">
                  {monthLabel(s.revenue.trend.at(-1)!.month)}
                  {monthDelta !== null && (
                    <span className={monthDelta >= 0 ? "text-emerald-600" : "text-red-600"}>
                      {" "}
                      · {monthDelta >= 0 ? "+" : ""}
                      {monthDelta}% vs last month
                    </span>
                  )}
                </p>
              </div>
            }
          />
          <CardBody>
            <RevenueChart data={s.revenue.trend} currency={s.currency} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Customers by status" description={`${s.customers.total.toLocaleString()} in total`} />
          <CardBody>
            <DonutChart
              centerLabel="customers"
              data={CUSTOMER_STATUSES.map((k) => ({
                key: k,
                label: title(k),
                value: s.customers.byStatus[k],
                color: STATUS_COLORS[k],
                href: seeCustomers ? `/customers?status=${k}` : undefined,
              }))}
            />
          </CardBody>
        </Card>
      </section>

      <section className="mt-6 grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        <Card>
          <CardHeader title="Sessions by connection" description={`${s.sessions.total.toLocaleString()} active now`} />
          <CardBody>
            <BreakdownBars
              emptyText="No one is online right now."
              items={SESSION_CONNECTION_TYPES
                .filter((k) => k !== "OTHER" || s.sessions.byType.OTHER > 0)
                .map((k) => ({
                  key: k,
                  label: TYPE_LABELS[k],
                  value: s.sessions.byType[k],
                  color: TYPE_COLORS[k],
                  href: seeSessions ? `/sessions?type=${k}` : undefined,
                }))}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Customers by connection" />
          <CardBody>
            <BreakdownBars
              emptyText="No customers yet."
              items={CONNECTION_TYPES.map((k) => ({
                key: k,
                label: TYPE_LABELS[k],
                value: s.customers.byType[k],
                color: TYPE_COLORS[k],
                href: seeCustomers ? `/customers?type=${k}` : undefined,
              }))}
            />
          </CardBody>
        </Card>
        <Card className="md:col-span-2 xl:col-span-1">
          <CardHeader
            title="Vouchers"
            description={`${s.vouchers.total.toLocaleString()} issued`}
            actions={<Ticket className="size-5 text-slate-400" aria-hidden />}
          />
          <CardBody>
            <BreakdownBars
              emptyText="No vouchers generated yet."
              items={VOUCHER_STATUSES.map((k) => ({
                key: k,
                label: title(k),
                value: s.vouchers.byStatus[k],
                color: VOUCHER_COLORS[k],
                href: can(staff.role, "vouchers:read") ? `/vouchers?status=${k}` : undefined,
              }))}
            />
          </CardBody>
        </Card>
      </section>

      <section className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Expiring in the next 7 days"
            description={`${s.expiring.count.toLocaleString()} active customer${s.expiring.count === 1 ? "" : "s"}`}
            actions={seeCustomers && s.expiring.count > 0 && <CardLink href="/customers?expiring=soon&status=ACTIVE">View all</CardLink>}
          />
          <CardList
            label="Customers expiring soon"
            items={s.expiring.customers}
            empty={<EmptyState title="Nobody expires this week" description="Customers whose service ends in the next 7 days show up here, so you can remind them." />}
          >
            {(c) => (
              <CardListItem
                key={c.id}
                lead={
                  <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700" aria-hidden>
                    {c.name.slice(0, 1).toUpperCase()}
                  </span>
                }
                title={
                  seeCustomers ? (
                    <Link href={`/customers/${c.id}`} className="block truncate text-sm font-medium text-slate-900 hover:text-brand-700">
                      {c.name}
                    </Link>
                  ) : (
                    <p className="truncate text-sm font-medium text-slate-900">{c.name}</p>
                  )
                }
                detail={
                  <>
                    {c.username} · {TYPE_LABELS[c.type]}
                    {c.packageName ? ` · ${c.packageName}` : ""}
                  </>
                }
                aside={
                  <>
                    <Badge tone={new Date(c.expiresAt).getTime() - now.getTime() < 86_400_000 ? "red" : "yellow"}>
                      <CalendarClock className="size-3" aria-hidden />
                      {relativeDays(c.expiresAt, now)}
                    </Badge>
                    <p className="mt-1 text-xs text-slate-400">{formatDateTime(c.expiresAt, s.timezone)}</p>
                  </>
                }
              />
            )}
          </CardList>
        </Card>
        <Card>
          <CardHeader
            title="Routers"
            description={`${s.routers.online} of ${s.routers.total} online`}
            actions={can(staff.role, "routers:read") && <CardLink href="/routers">Manage</CardLink>}
          />
          <CardList
            label="Routers"
            items={s.routers.list}
            className="max-h-80 overflow-y-auto"
            empty={<EmptyState title="No routers yet" description="Add your MikroTik routers so subscribers can authenticate." />}
          >
            {(r) => (
              <CardListItem
                key={r.id}
                title={
                  <p className="flex items-center gap-2 truncate text-sm font-medium text-slate-900">
                    <span className={`size-2 shrink-0 rounded-full ${r.online ? "bg-emerald-500" : "bg-slate-300"}`} aria-hidden />
                    {r.name}
                  </p>
                }
                detail={
                  <>
                    {r.ipAddress}
                    {r.lastSeenAt ? ` · seen ${formatDateTime(r.lastSeenAt, s.timezone)}` : " · never seen"}
                  </>
                }
                aside={
                  <>
                    <Badge tone={r.online ? "green" : "gray"}>{r.online ? "Online" : "Offline"}</Badge>
                    <p className="mt-1 text-xs tabular-nums text-slate-500">
                      {seeSessions ? (
                        <Link href={`/sessions?routerId=${r.id}`} className="hover:text-brand-700">
                          {r.sessions.toLocaleString()} session{r.sessions === 1 ? "" : "s"}
                        </Link>
                      ) : (
                        `${r.sessions.toLocaleString()} sessions`
                      )}
                    </p>
                  </>
                }
              />
            )}
          </CardList>
        </Card>
      </section>
    </>
  );
}
