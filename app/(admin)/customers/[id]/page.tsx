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
import { findWalletTransactions } from "@/lib/services/wallet/find-wallet-transactions";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { formatBytes, formatDateTime, formatDuration, zoneAbbreviation, zoneLabel } from "@/lib/format";
import { relativeExpiry, TYPE_LABEL } from "../_lib/format";
import { AccessBadge } from "../_lib/access-badge";
import { packageOptions } from "../_lib/options";
import { CustomerActions } from "./customer-actions";
import { WalletAdjustForm } from "./wallet-adjust-form";
import { formatMoney } from "@/lib/money";
import { formatMac } from "@/lib/net/mac";
import { formatPhone } from "@/lib/net/phone";

export const metadata: Metadata = { title: "Customer" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-right text-slate-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("customers:read");
  const { id } = await params;
  const { c, activity, opts, wallet } = await withTenant(getDb(), staff.tenantId, async (tx) => {
    const c = await getCustomer(tx, { tenantId: staff.tenantId, id });
    const [activity, opts, wallet] = await Promise.all([
      getCustomerActivity(tx, { tenantId: staff.tenantId, id }),
      findCustomerOptions(tx, { tenantId: staff.tenantId, includePackageId: c.packageId }),
      findWalletTransactions(tx, { tenantId: staff.tenantId, customerId: c.id, limit: 20 }),
    ]);
    return { c, activity, opts, wallet };
  });
  const tz = staff.tenantTimezone;
  const zone = zoneAbbreviation(tz);
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
        breadcrumbs={[{ label: "Customers", href: "/customers" }, { label: c.name }]}
        title={c.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{c.username}</span>
            <AccessBadge status={c.status} hasPackage={c.packageId !== null && c.package !== null} expiresAt={c.expiresAt?.toISOString() ?? null} now={now.toISOString()} />
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
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Usage this period" description={`Since ${formatDateTime(c.usagePeriodStart, tz)}`} />
            <CardBody className="space-y-4">
              <div>
                <div className="mb-1 flex justify-between text-sm">
                  <span className="font-medium">Data</span>
                  <span className="tabular-nums text-slate-600">
                    {formatBytes(used)} {quota ? `of ${formatBytes(quota)}` : "(unlimited)"}
                  </span>
                </div>
                <div className="h-2.5 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label="Data used" aria-valuenow={pct ?? 0} aria-valuemin={0} aria-valuemax={100}>
                  <div className={`h-full rounded-full ${pct !== null && pct >= 100 ? "bg-red-500" : pct !== null && pct >= 80 ? "bg-amber-500" : "bg-brand-600"}`} style={{ width: `${pct ?? (used > 0 ? 100 : 0)}%`, opacity: pct === null ? 0.25 : 1 }} />
                </div>
                {c.quotaExceededAt && <p className="mt-1 text-xs text-red-600">Quota used up {formatDateTime(c.quotaExceededAt, tz)}</p>}
              </div>
              <div className="flex justify-between text-sm">
                <span className="font-medium">Online time</span>
                <span className="tabular-nums text-slate-600">
                  {formatDuration(c.usedSeconds)} {timeLimit ? `of ${formatDuration(timeLimit)}` : ""}
                </span>
              </div>
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Live session" description={online ? undefined : c.lastSeenAt ? `Last seen ${formatDateTime(c.lastSeenAt, tz)}` : "Never seen online"} />
            {activity.live.length === 0 ? (
              <EmptyState title="Not connected" description="When the router authenticates this customer, the session appears here." />
            ) : (
              <Table
                label="Live session"
                rows={activity.live}
                rowKey={(s) => s.id}
                columns={[
                  { key: "router", header: "Router", cell: (s) => s.nasName ?? "—" },
                  {
                    key: "address",
                    header: "IP / MAC",
                    cell: (s) => (
                      <span className="font-mono text-xs">
                        {s.framedIp ?? "—"}
                        <br />
                        {s.callingStationId ?? ""}
                      </span>
                    ),
                  },
                  { key: "started", header: `Started (${zone})`, cell: (s) => formatDateTime(s.startedAt, tz) },
                  { key: "bytes", header: "Down / Up", className: "tabular-nums", cell: (s) => `${formatBytes(s.outputOctets)} / ${formatBytes(s.inputOctets)}` },
                  { key: "rate", header: "Rate", className: "font-mono text-xs", cell: (s) => s.rateLimit ?? "—" },
                ]}
              />
            )}
          </Card>

          <Card>
            <CardHeader title="Session history" description="The last 20 sessions." />
            {activity.history.length === 0 ? (
              <EmptyState title="No sessions yet" />
            ) : (
              <Table
                label="Session history"
                rows={activity.history}
                rowKey={(s) => s.id}
                columns={[
                  { key: "started", header: `Started (${zone})`, cell: (s) => formatDateTime(s.startedAt, tz) },
                  { key: "duration", header: "Duration", cell: (s) => formatDuration(s.sessionTime) },
                  { key: "bytes", header: "Down / Up", className: "tabular-nums", cell: (s) => `${formatBytes(s.outputOctets)} / ${formatBytes(s.inputOctets)}` },
                  { key: "router", header: "Router", cell: (s) => s.nasName ?? "—" },
                  { key: "cause", header: "Ended by", className: "text-slate-500", cell: (s) => s.terminateCause ?? "—" },
                ]}
              />
            )}
          </Card>

          <Card>
            <CardHeader title="Payments" description="The last 20 payments." />
            {activity.payments.length === 0 ? (
              <EmptyState title="No payments yet" />
            ) : (
              <Table
                label="Payments"
                rows={activity.payments}
                rowKey={(p) => p.id}
                columns={[
                  { key: "date", header: `Date (${zone})`, cell: (p) => formatDateTime(p.paidAt ?? p.createdAt, tz) },
                  { key: "amount", header: "Amount", className: "tabular-nums", cell: (p) => formatMoney(p.amount, p.currency) },
                  {
                    key: "method",
                    header: "Method",
                    cell: (p) => (
                      <>
                        {p.method}
                        {p.reference ? <span className="ml-1 font-mono text-xs text-slate-500">{p.reference}</span> : null}
                      </>
                    ),
                  },
                  { key: "status", header: "Status", cell: (p) => <Badge tone={p.status === "COMPLETED" ? "green" : p.status === "PENDING" ? "yellow" : "red"}>{p.status}</Badge> },
                  {
                    key: "receipt",
                    header: "Receipt",
                    className: "text-slate-500",
                    cell: (p) => (p.receiptNumber ? <Link href={`/payments/${p.id}/receipt`} className="text-brand-700 hover:underline">#{p.receiptNumber}</Link> : "—"),
                  },
                ]}
              />
            )}
          </Card>

          <Card>
            <CardHeader title="Wallet" description={`Balance ${formatMoney(c.walletBalance, cur)}. Every change is listed with the balance it left (the last 20).`} />
            {wallet.length === 0 ? (
              <EmptyState title="No wallet activity" description="Top-ups, adjustments and wallet renewals appear here." />
            ) : (
              <Table
                label="Wallet history"
                rows={wallet}
                rowKey={(w) => w.id}
                columns={[
                  { key: "date", header: `Date (${zone})`, cell: (w) => formatDateTime(w.createdAt, tz) },
                  {
                    key: "change",
                    header: "Change",
                    className: "tabular-nums",
                    cell: (w) => (
                      <span className={w.amount < 0 ? "text-red-700" : "text-emerald-700"}>
                        {w.amount > 0 ? "+" : ""}
                        {formatMoney(w.amount, w.currency)}
                      </span>
                    ),
                  },
                  { key: "after", header: "Balance after", className: "tabular-nums", cell: (w) => formatMoney(w.balanceAfter, w.currency) },
                  {
                    key: "reason",
                    header: "Reason",
                    cell: (w) => (
                      <>
                        {w.reason}
                        {w.reference ? <span className="ml-1 text-xs text-slate-500">{w.reference}</span> : null}
                      </>
                    ),
                  },
                  { key: "by", header: "By", className: "text-slate-500", cell: (w) => w.actorLabel ?? "—" },
                ]}
              />
            )}
            {can(staff.role, "payments:write") && <WalletAdjustForm customerId={c.id} currency={cur} />}
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <CustomerActions
            id={c.id}
            status={c.status}
            online={online}
            type={c.type}
            packageId={c.packageId}
            packagePrice={c.package?.price ?? null}
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
                  <span title={zoneLabel(tz)}>
                    {formatDateTime(c.expiresAt, tz)} <Badge tone={expiry.tone}>{expiry.text}</Badge>
                  </span>
                </Row>
                <Row label="Phone">{c.phone ? formatPhone(c.phone) : "—"}</Row>
                <Row label="Email">{c.email ?? "—"}</Row>
                <Row label="Wallet">{formatMoney(c.walletBalance, cur)}</Row>
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
                <Row label="Created">{formatDateTime(c.createdAt, tz)}</Row>
              </dl>
              {c.notes && <p className="mt-3 whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm text-slate-700">{c.notes}</p>}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
