import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Activity, Clock, MapPin, Pencil } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getRouter } from "@/lib/services/routers/get-router";
import { findRouters } from "@/lib/services/routers/find-routers";
import { routerRadiusTarget } from "@/lib/services/routers/router-script";
import { getSetting } from "@/lib/settings";
import { Card, CardBody, CardHeader, PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatDate, formatDateTime, formatTimeAgo, zoneAbbreviation, zoneLabel } from "@/lib/format";
import { STATUS_LABEL, STATUS_TONE, TYPE_LABEL } from "../_lib/format";
import { ConfigSnippet, DeleteRouter, DisconnectAll } from "./router-detail-client";

export const metadata: Metadata = { title: "Router" };

export default async function RouterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const staff = await requireStaffPage("routers:read");
  const { id } = await params;
  const { created } = await searchParams;
  const [router, listed, radiusAddress] = await withTenant(getDb(), staff.tenantId, async (tx) => {
    const one = await getRouter(tx, { tenantId: staff.tenantId, id });
    const page = await findRouters(tx, { tenantId: staff.tenantId, search: one.ipAddress, pageSize: 200 });
    return [one, page.rows.find((r) => r.id === one.id), await getSetting(tx, { key: "routers.radius_address" })] as const;
  }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const sessions = listed?.sessionCount ?? 0;
  const e = env();
  const canWrite = can(staff.role, "routers:write");
  const canControl = can(staff.role, "sessions:control");
  const tz = staff.tenantTimezone;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Routers", href: "/routers" }, { label: router.name }]}
        title={router.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[router.status]}>{STATUS_LABEL[router.status]}</Badge>
            <span className="font-mono">{router.ipAddress}</span>
            <span>· {TYPE_LABEL[router.type]}{router.routerOsVersion ? ` RouterOS ${router.routerOsVersion}` : ""}</span>
          </span>
        }
        actions={
          <>
            {canControl && <DisconnectAll routerId={router.id} sessions={sessions} />}
            {canWrite && (
              <Link href={`/routers/${router.id}/edit`} className={buttonClasses("secondary")}>
                <Pencil className="size-4" aria-hidden /> Edit
              </Link>
            )}
          </>
        }
      />
      {created && (
        <div role="status" className="mb-6 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          Router added. Paste the commands below into its terminal (reveal the secret first); it shows as online once its first RADIUS packet arrives.
        </div>
      )}

      <StatGrid label="Router figures" columns={3} className="mb-6">
        <StatCard
          label="Active sessions"
          value={sessions > 0 ? <Link href={`/sessions?routerId=${router.id}`} className="hover:underline">{sessions.toLocaleString()}</Link> : "0"}
          icon={<Activity className="size-5" />}
        />
        <StatCard
          label="Last seen"
          value={formatTimeAgo(router.lastSeenAt)}
          hint={router.lastSeenAt ? <span data-testid="router-last-seen" title={zoneLabel(tz)}>{formatDateTime(router.lastSeenAt, tz)} {zoneAbbreviation(tz)}</span> : "no RADIUS packet yet"}
          icon={<Clock className="size-5" />}
        />
        <StatCard
          label="Location"
          value={<span className="text-base">{router.location ?? "—"}</span>}
          hint={router.latitude !== null && router.longitude !== null ? `${router.latitude.toFixed(5)}, ${router.longitude.toFixed(5)}` : undefined}
          icon={<MapPin className="size-5" />}
        />
      </StatGrid>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ConfigSnippet
            routerId={router.id}
            canReveal={canWrite}
            target={routerRadiusTarget({ configured: radiusAddress, radiusHost: e.RADIUS_HOST, appUrl: e.APP_URL })}
            routerIp={router.ipAddress}
            authPort={e.RADIUS_AUTH_PORT}
            acctPort={e.RADIUS_ACCT_PORT}
            coaPort={router.coaPort}
            requireMessageAuthenticator={router.requireMessageAuthenticator}
            comment={staff.tenantName ?? "ISP"}
          />
        </div>
        <Card>
          <CardHeader title="Settings" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              {[
                ["CoA port", String(router.coaPort)],
                ["Message-Authenticator", router.requireMessageAuthenticator ? "Required" : "Not required"],
                ["RouterOS API", router.apiUsername ? `${router.apiUsername}@${router.ipAddress}:${router.apiPort ?? 8728}` : "Not configured"],
                ["Added", formatDate(router.createdAt, tz)],
                ["Updated", formatDate(router.updatedAt, tz)],
              ].map(([k, v]) => (
                <div key={k} className="flex justify-between gap-4">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="text-right font-medium text-slate-900">{v}</dd>
                </div>
              ))}
            </dl>
            {canWrite && (
              <div className="mt-6 border-t border-slate-100 pt-4">
                <DeleteRouter routerId={router.id} name={router.name} sessions={sessions} />
              </div>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
