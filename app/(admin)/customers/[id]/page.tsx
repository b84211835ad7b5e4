import type { Metadata } from "next";
import Link from "next/link";
import { Pencil } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findCustomerOptions } from "@/lib/services/customers/find-customer-options";
import { getCustomer } from "@/lib/services/customers/get-customer";
import { getCustomerActivity } from "@/lib/services/customers/get-customer-activity";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { bytes, dateTime, money, relativeExpiry, STATUS_LABEL, STATUS_TONE, TYPE_LABEL } from "../_lib/format";
import { packageOptions } from "../_lib/options";
import { CustomerActions } from "./customer-actions";
import { formatMac } from "@/lib/net/mac";
import { formatPhone } from "@/lib/net/phone";

export const metadata: Metadata = { title: "Customer" };

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h ? `${h} h ${m} min` : `${m} min`;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900">{children}</dd>
    </div>
  );
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("customers:read");
  const { id } = await params;
  const { c, activity, opts } = await withTenant(getDb(), staff.tenantId, async (tx) => {
    const c = await getCustomer(tx, { tenantId: staff.tenantId, id });
    const [activity, opts] = await Promise.all([getCustomerActivity(tx, { tenantId: staff.tenantId, id }), findCustomerOptions(tx, { tenantId: staff.tenantId, includePackageId: c.packageId })]);
    return { c, activity, opts };
  });
  const tz = staff.tenantTimezone;
  const cur = staff.tenantCurrency;
  const now = new Date();
  const expiry = relativeExpiry(c.expiresAt?.toISOString() ?? null, now);
  const online = activity.live.length > 0 || c.online;
  const quota = c.package?.dataQuotaBytes ?? null;
  const used = Number(c.usedBytes);
  const pct = quota ? Math.min(100, Math.round((used / Number(quota)) * 100)) : null;
  const timeLimit = c.package?.sessionTimeLimitSeconds ?? null;

  return (
    <>
      <PageHeader
        title={c.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{c.username}</span>
            <Badge tone={STATUS_TONE[c.status]}>{STATUS_LABEL[c.status]}</Badge>
            <Badge tone={online ? "green" : "gray"}>{online ? "Online" : "Offline"}</Badge>
            <Badge tone="indigo">{TYPE_LABEL[c.type]}</Badge>
          </span>
        }
        actions={
          can(staff.role, "customers:write") && (
            <Link href={`/customers/${c.id}/edit`} className={buttonClasses("secondary")}>
              <Pencil className="size-4" aria-hidden /> Edit
            </Link>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Usage this period" description={`Since ${dateTime(c.usagePeriodStart, tz)}`} />
            <CardBody className="space-y-4">
              <div>
                <div className="mb-1 flex justify-between text-sm">
                  <span className="font-medium">Data</span>
                  <span className="tabular-nums text-slate-600">
                    {bytes(used)} {quota ? `of ${bytes(quota)}` : "(unlimited)"}
                  </span>
                </div>
                <div className="h-2.5 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label="Data used" aria-valuenow={pct ?? 0} aria-valuemin={0} aria-valuemax={100}>
                  <div className={`h-full rounded-full ${pct !== null && pct >= 100 ? "bg-red-500" : pct !== null && pct >= 80 ? "bg-amber-500" : "bg-brand-600"}`} style={{ width: `${pct ?? (used > 0 ? 100 : 0)}%`, opacity: pct === null ? 0.25 : 1 }} />
                </div>
                {c.quotaExceededAt && <p className="mt-1 text-xs text-red-600">Quota used up {dateTime(c.quotaExceededAt, tz)}</p>}
              </div>
              <div className="flex justify-between text-sm">
                <span className="font-medium">Online time</span>
                <span className="tabular-nums text-slate-600">
                  {duration(c.usedSeconds)} {timeLimit ? `of ${duration(timeLimit)}` : ""}
                </span>
              </div>
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Live session" description={online ? undefined : c.lastSeenAt ? `Last seen ${dateTime(c.lastSeenAt, tz)}` : "Never seen online"} />
            {activity.live.length === 0 ? (
              <EmptyState title="Not connected" description="When the router authenticates this customer, the session appears here." />
            ) : (
              <div className="relative overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
                    <tr>
                      <th className="px-5 py-2">Router</th>
                      <th className="px-5 py-2">IP / MAC</th>
                      <th className="px-5 py-2">Started</th>
                      <th className="px-5 py-2">Down / Up</th>
                      <th className="px-5 py-2">Rate</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {activity.live.map((s) => (
                      <tr key={s.id}>
                        <td className="px-5 py-2">{s.nasName ?? "—"}</td>
                        <td className="px-5 py-2 font-mono text-xs">
                          {s.framedIp ?? "—"}
                          <br />
                          {s.callingStationId ?? ""}
                        </td>
                        <td className="px-5 py-2">{dateTime(s.startedAt, tz)}</td>
                        <td className="px-5 py-2 tabular-nums">
                          {bytes(s.outputOctets)} / {bytes(s.inputOctets)}
                        </td>
                        <td className="px-5 py-2 font-mono text-xs">{s.rateLimit ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>

          <Card>
            <CardHeader title="Session history" description="The last 20 sessions." />
            {activity.history.length === 0 ? (
              <EmptyState title="No sessions yet" />
            ) : (
              <div className="relative overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
                    <tr>
                      <th className="px-5 py-2">Started</th>
                      <th className="px-5 py-2">Duration</th>
                      <th className="px-5 py-2">Down / Up</th>
                      <th className="px-5 py-2">Router</th>
                      <th className="px-5 py-2">Ended by</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {activity.history.map((s) => (
                      <tr key={s.id}>
                        <td className="px-5 py-2">{dateTime(s.startedAt, tz)}</td>
                        <td className="px-5 py-2">{duration(s.sessionTime)}</td>
                        <td className="px-5 py-2 tabular-nums">
                          {bytes(s.outputOctets)} / {bytes(s.inputOctets)}
                        </td>
                        <td className="px-5 py-2">{s.nasName ?? "—"}</td>
                        <td className="px-5 py-2 text-slate-500">{s.terminateCause ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>

          <Card>
            <CardHeader title="Payments" description="The last 20 payments." />
            {activity.payments.length === 0 ? (
              <EmptyState title="No payments yet" />
            ) : (
              <div className="relative overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
                    <tr>
                      <th className="px-5 py-2">Date</th>
                      <th className="px-5 py-2">Amount</th>
                      <th className="px-5 py-2">Method</th>
                      <th className="px-5 py-2">Status</th>
                      <th className="px-5 py-2">Receipt</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {activity.payments.map((p) => (
                      <tr key={p.id}>
                        <td className="px-5 py-2">{dateTime(p.paidAt ?? p.createdAt, tz)}</td>
                        <td className="px-5 py-2 tabular-nums">{money(p.amount / 100, p.currency)}</td>
                        <td className="px-5 py-2">
                          {p.method}
                          {p.reference ? <span className="ml-1 font-mono text-xs text-slate-500">{p.reference}</span> : null}
                        </td>
                        <td className="px-5 py-2">
                          <Badge tone={p.status === "COMPLETED" ? "green" : p.status === "PENDING" ? "yellow" : "red"}>{p.status}</Badge>
                        </td>
                        <td className="px-5 py-2 text-slate-500">{p.receiptNumber ? `#${p.receiptNumber}` : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <CustomerActions
            id={c.id}
            status={c.status}
            online={online}
            type={c.type}
            packageId={c.packageId}
            packagePrice={c.package ? c.package.price / 100 : null}
            hasMac={!!c.macAddress}
            packages={packageOptions(opts, cur)}
            currency={cur}
            canWrite={can(staff.role, "customers:write")}
            canControl={can(staff.role, "sessions:control")}
            canSeeSecrets={can(staff.role, "customers:secrets")}
          />
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <dl className="divide-y divide-slate-100">
                <Row label="Package">{c.package?.name ?? "—"}</Row>
                <Row label="Expires">
                  <span title={c.expiresAt?.toISOString()}>
                    {dateTime(c.expiresAt, tz)} <Badge tone={expiry.tone}>{expiry.text}</Badge>
                  </span>
                </Row>
                <Row label="Phone">{c.phone ? formatPhone(c.phone) : "—"}</Row>
                <Row label="Email">{c.email ?? "—"}</Row>
                <Row label="Wallet">{money(c.walletBalance, cur)}</Row>
                <Row label="Auto-renew">{c.autoRenew ? "Yes" : "No"}</Row>
                <Row label="MAC binding">
                  <span className="font-mono text-xs">{c.macAddress ? formatMac(c.macAddress) : "none"}</span>
                </Row>
                <Row label="Static IP">
                  <span className="font-mono text-xs">{c.staticIp ?? "—"}</span>
                </Row>
                <Row label="IP pool">{c.ipPoolName ?? "—"}</Row>
                <Row label="Address">{c.address ?? "—"}</Row>
                <Row label="Location">{c.latitude != null && c.longitude != null ? `${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)}` : "—"}</Row>
                <Row label="Created">{dateTime(c.createdAt, tz)}</Row>
              </dl>
              {c.notes && <p className="mt-3 whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm text-slate-700">{c.notes}</p>}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
