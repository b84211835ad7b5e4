import type { Metadata } from "next";
import { Activity, Router, Wifi, WifiOff } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { pageQuery, parseListParams, type RawSearchParams } from "@/lib/list-params";
import { findRouters, ROUTER_SORTS } from "@/lib/services/routers/find-routers";
import { PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { RoutersTable, type RouterRowView } from "./routers-client";
import { ROUTER_STATUSES } from "@/lib/db/enums";
import { tableView } from "@/components/data-table/view";
import { CreateLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Routers" };

const STATUSES = ROUTER_STATUSES;

export default async function RoutersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("routers:read");
  const list = parseListParams(await searchParams, { sortable: ROUTER_SORTS, defaultSort: "name", defaultDir: "asc", filters: ["status"] });
  const status = (STATUSES as readonly string[]).includes(list.filters.status ?? "") ? (list.filters.status as (typeof STATUSES)[number]) : undefined;
  const [page, all] = await withTenant(getDb(), staff.tenantId, (tx) =>
    Promise.all([
      findRouters(tx, { tenantId: staff.tenantId, ...pageQuery(list), search: list.q, status }),
      findRouters(tx, { tenantId: staff.tenantId, page: 1, pageSize: 200 }),
    ]),
  );
  const rows: RouterRowView[] = page.rows.map((r) => ({
    id: r.id,
    name: r.name,
    ipAddress: r.ipAddress,
    type: r.type,
    routerOsVersion: r.routerOsVersion,
    location: r.location,
    status: r.status,
    lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
    sessionCount: r.sessionCount,
  }));
  const online = all.rows.filter((r) => r.status === "ONLINE").length;
  const offline = all.rows.filter((r) => r.status === "OFFLINE").length;
  const sessions = all.rows.reduce((n, r) => n + r.sessionCount, 0);
  const canWrite = can(staff.role, "routers:write");

  return (
    <>
      <PageHeader
        title="Routers"
        description="The MikroTik routers that authenticate your subscribers against this RADIUS server."
        actions={canWrite && <CreateLink href="/routers/new">Add router</CreateLink>}
      />
      <StatGrid label="Router figures" className="mb-6">
        <StatCard label="Routers" value={all.total.toLocaleString()} icon={<Router className="size-5" />} />
        <StatCard label="Online" value={online.toLocaleString()} hint="heard from in the last 15 minutes" icon={<Wifi className="size-5" />} />
        <StatCard label="Offline" value={offline.toLocaleString()} hint="silent for more than 15 minutes" icon={<WifiOff className="size-5" />} />
        <StatCard label="Active sessions" value={sessions.toLocaleString()} hint="across all routers" icon={<Activity className="size-5" />} />
      </StatGrid>
      <RoutersTable view={tableView(page, list, rows)} now={new Date().toISOString()} timeZone={staff.tenantTimezone} canWrite={canWrite} />
    </>
  );
}
