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
import { getNas } from "@/lib/services/nas/get-nas";
import { findNas } from "@/lib/services/nas/find-nas";
import { routerRadiusTarget } from "@/lib/services/nas/router-script";
import { getSetting } from "@/lib/settings";
import { Card, CardBody, CardHeader, PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatDate, formatDateTime, formatTimeAgo, zoneAbbreviation, zoneLabel } from "@/lib/format";
import { STATUS_LABEL, STATUS_TONE, TYPE_LABEL } from "../_lib/format";
import { ConfigSnippet, DeleteRouter, DisconnectAll } from "./router-detail-client";

export const metadata: Metadata = { title: "Router" };

export default async function RouterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const staff = await requireStaffPage("nas:read");
  const { id } = await params;
  const { created } = await searchParams;
  const [nas, listed, radiusAddress] = await withTenant(getDb(), staff.tenantId, async (tx) => {
    const one = await getNas(tx, { tenantId: staff.tenantId, id });
    const page = await findNas(tx, { tenantId: staff.tenantId, search: one.ipAddress, pageSize: 200 });
    return [one, page.rows.find((r) => r.id === one.id), await getSetting(tx, { key: "routers.radius_address" })] as const;
  }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const sessions = listed?.sessionCount ?? 0;
  const e = env();
  const canWrite = can(staff.role, "nas:write");
  const canControl = can(staff.role, "sessions:control");
  const tz = staff.tenantTimezone;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Routers", href: "/routers" }, { label: nas.name }]}
        title={nas.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[nas.status]}>{STATUS_LABEL[nas.status]}</Badge>
            <span className="font-mono">{nas.ipAddress}</span>
            <span>· {TYPE_LABEL[nas.type]}{nas.routerOsVersion ? ` RouterOS ${nas.routerOsVersion}` : ""}</span>
          </span>
        }
        actions={
          <>
            {canControl && <DisconnectAll nasId={nas.id} sessions={sessions} />}
            {canWrite && (
              <Link href={`/routers/${nas.id}/edit`} className={buttonClasses("secondary")}>
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
          value={sessions > 0 ? <Link href={`/sessions?nasId=${nas.id}`} className="hover:underline">{sessions.toLocaleString()}</Link> : "0"}
          icon={<Activity className="size-5" />}
        />
        <StatCard
          label="Last seen"
          value={formatTimeAgo(nas.lastSeenAt)}
          hint={nas.lastSeenAt ? <span data-testid="router-last-seen" title={zoneLabel(tz)}>{formatDateTime(nas.lastSeenAt, tz)} {zoneAbbreviation(tz)}</span> : "no RADIUS packet yet"}
          icon={<Clock className="size-5" />}
        />
        <StatCard
          label="Location"
          value={<span className="text-base">{nas.location ?? "—"}</span>}
          hint={nas.latitude !== null && nas.longitude !== null ? `${nas.latitude.toFixed(5)}, ${nas.longitude.toFixed(5)}` : undefined}
          icon={<MapPin className="size-5" />}
        />
      </StatGrid>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ConfigSnippet
            nasId={nas.id}
            canReveal={canWrite}
            target={routerRadiusTarget({ configured: radiusAddress, radiusHost: e.RADIUS_HOST, appUrl: e.APP_URL })}
            nasIp={nas.ipAddress}
            authPort={e.RADIUS_AUTH_PORT}
            acctPort={e.RADIUS_ACCT_PORT}
            coaPort={nas.coaPort}
            requireMessageAuthenticator={nas.requireMessageAuthenticator}
            comment={staff.tenantName ?? "ISP"}
          />
        </div>
        <Card>
          <CardHeader title="Settings" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              {[
                ["CoA port", String(nas.coaPort)],
                ["Message-Authenticator", nas.requireMessageAuthenticator ? "Required" : "Not required"],
                ["RouterOS API", nas.apiUsername ? `${nas.apiUsername}@${nas.ipAddress}:${nas.apiPort ?? 8728}` : "Not configured"],
                ["Added", formatDate(nas.createdAt, tz)],
                ["Updated", formatDate(nas.updatedAt, tz)],
              ].map(([k, v]) => (
                <div key={k} className="flex justify-between gap-4">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="text-right font-medium text-slate-900">{v}</dd>
                </div>
              ))}
            </dl>
            {canWrite && (
              <div className="mt-6 border-t border-slate-100 pt-4">
                <DeleteRouter nasId={nas.id} name={nas.name} sessions={sessions} />
              </div>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
