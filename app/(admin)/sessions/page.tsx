import type { Metadata } from "next";
import Link from "next/link";
import { Activity, ArrowDownToLine, ArrowUpFromLine, Users } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { pageQuery, parseListParams, type RawSearchParams } from "@/lib/list-params";
import { findSessions, SESSION_SORTS } from "@/lib/services/sessions/find-sessions";
import { getSessionStats } from "@/lib/services/sessions/get-session-stats";
import { CONNECTION_TYPES, SESSION_CONNECTION_TYPES } from "@/lib/db/enums";
import { LiveRefresh } from "@/lib/events/live-refresh";
import { Card, CardBody, CardHeader, PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { BreakdownBars } from "@/components/charts/breakdown-bars";
import { formatBytes } from "@/lib/format";
import { SessionTabs } from "./tabs";
import { SessionsTable, type SessionRowView } from "./sessions-client";
import { tableView, toPlain } from "@/components/data-table/view";

export const metadata: Metadata = { title: "Active sessions" };

const TYPE_LABELS: Record<string, string> = { PPPOE: "PPPoE", HOTSPOT: "Hotspot", DHCP: "DHCP", STATIC: "Static", OTHER: "Other" };
const TYPE_COLORS: Record<string, string> = { PPPOE: "#6366f1", HOTSPOT: "#f59e0b", DHCP: "#0ea5e9", STATIC: "#10b981", OTHER: "#94a3b8" };
const UUID = /^[0-9a-f-]{36}$/i;

export default async function SessionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("sessions:read");
  const list = parseListParams(await searchParams, { sortable: SESSION_SORTS, defaultSort: "startedAt", filters: ["routerId", "type", "customerId"] });
  const type = SESSION_CONNECTION_TYPES.find((t) => t === list.filters.type);
  const routerId = UUID.test(list.filters.routerId ?? "") ? list.filters.routerId : undefined;
  const customerId = UUID.test(list.filters.customerId ?? "") ? list.filters.customerId : undefined;

  const [page, stats] = await withTenant(getDb(), staff.tenantId, (tx) =>
    Promise.all([
      findSessions(tx, { tenantId: staff.tenantId, ...pageQuery(list), q: list.q, nasId: routerId, type, customerId }),
      getSessionStats(tx, { tenantId: staff.tenantId }),
    ]),
  );
  const rows: SessionRowView[] = page.rows.map(toPlain);
  const busiest = stats.byNas.filter((n) => n.sessions > 0);

  return (
    <>
      <PageHeader title="Sessions" description="Who is online right now, on which router, and how much they use." actions={<LiveRefresh />} />
      <SessionTabs current="active" />

      <StatGrid label="Session figures">
        <StatCard label="Active sessions" value={<span data-testid="sessions-total">{stats.total.toLocaleString()}</span>} hint={`on ${busiest.length} of ${stats.byNas.length} routers`} icon={<Activity className="size-5" />} />
        <StatCard label="Online subscribers" value={stats.customers.toLocaleString()} hint={`${stats.vouchers.toLocaleString()} voucher sessions`} icon={<Users className="size-5" />} />
        <StatCard label="Downloaded" value={formatBytes(stats.downloadBytes)} hint="by the current sessions" icon={<ArrowDownToLine className="size-5" />} />
        <StatCard label="Uploaded" value={formatBytes(stats.uploadBytes)} hint="by the current sessions" icon={<ArrowUpFromLine className="size-5" />} />
      </StatGrid>

      <div className="mt-6">
        <SessionsTable
          view={tableView(page, list, rows)}
          connectionTypes={CONNECTION_TYPES}
          now={new Date().toISOString()}
          timeZone={staff.tenantTimezone}
          canControl={can(staff.role, "sessions:control")}
          canSeeCustomers={can(staff.role, "customers:read")}
          routerOptions={stats.byNas.map((n) => ({ value: n.nasId, label: n.nasName }))}
          selectedRouter={routerId ? (stats.byNas.find((n) => n.nasId === routerId) ?? null) : null}
          customerId={customerId ?? null}
        />
      </div>

      <section className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="By router" description="Sessions and traffic per router" />
          {stats.byNas.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-500">No routers yet.</p>
            </CardBody>
          ) : (
            <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto">
              {stats.byNas.map((n) => (
                <li key={n.nasId} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
                  <Link href={`/sessions?routerId=${n.nasId}`} className="truncate font-medium text-slate-800 hover:text-brand-700">
                    {n.nasName}
                  </Link>
                  <span className="flex shrink-0 items-center gap-4 tabular-nums text-slate-600">
                    <span title="Download / upload" className="hidden text-xs text-slate-400 sm:inline">
                      ↓ {formatBytes(n.downloadBytes)} · ↑ {formatBytes(n.uploadBytes)}
                    </span>
                    <span className="w-16 text-right font-medium text-slate-900">{n.sessions.toLocaleString()}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader title="By connection type" />
          <CardBody>
            <BreakdownBars
              emptyText="No one is online right now."
              items={SESSION_CONNECTION_TYPES.filter((t) => t !== "OTHER" || stats.byType.OTHER > 0).map((t) => ({
                key: t,
                label: TYPE_LABELS[t],
                value: stats.byType[t],
                color: TYPE_COLORS[t],
                href: `/sessions?type=${t}`,
              }))}
            />
          </CardBody>
        </Card>
      </section>
    </>
  );
}
