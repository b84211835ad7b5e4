import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { isAppError } from "@/lib/errors";
import { getPaymentReceipt } from "@/lib/services/payments/get-payment-receipt";
import { methodLabels, purposeLabels } from "@/lib/services/payments/payment-fields";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState, Card } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PrintButton } from "./print-button";
import { dateOnly, dateTime } from "../../../vouchers/_lib/format";
import { formatMoney } from "@/lib/money";
import { shortfallActionLabels } from "@/lib/services/payments/shortfall";
import { formatPhone } from "@/lib/net/phone";

export const metadata: Metadata = { title: "Receipt" };

// Only the receipt prints: the app's sidebar and header are hidden, colours kept.
const printCss = `
@media print {
  @page { size: A5; margin: 12mm; }
  body * { visibility: hidden !important; }
  #receipt, #receipt * { visibility: visible !important; }
  #receipt { position: absolute; inset: 0 auto auto 0; width: 100%; box-shadow: none !important; border: 0 !important; }
  body { background: white !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

export default async function ReceiptPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ new?: string }> }) {
  const staff = await requireStaffPage("payments:read");
  const { id } = await params;
  const { new: isNew } = await searchParams;
  const result = await withTenant(getDb(), staff.tenantId, async (tx) => {
    try {
      return { receipt: await getPaymentReceipt(tx, { tenantId: staff.tenantId, id }) };
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") return null;
      if (isAppError(e) && e.code === "CONFLICT") return { error: e.message };
      throw e;
    }
  });
  if (!result) notFound();
  if ("error" in result) {
    return (
      <Card className="mx-auto max-w-xl">
        <EmptyState title="No receipt yet" description={result.error} action={<Link href="/payments" className={buttonClasses("secondary", "sm")}>Back to payments</Link>} />
      </Card>
    );
  }
  const { payment: p, tenant, customer, newExpiresAt, recordedBy } = result.receipt;
  const tz = tenant.timezone;
  const rows: [string, React.ReactNode][] = [
    ["Customer", customer ? `${customer.name} (${customer.username})` : "—"],
    ...(customer?.phone ? ([["Phone", formatPhone(customer.phone)]] as [string, string][]) : []),
    ["Payment for", `${purposeLabels[p.purpose]}${p.packageName ? `: ${p.packageName}` : ""}`],
    ["Method", methodLabels[p.method]],
    ...(p.reference ? ([["Reference", <span key="ref" className="font-mono">{p.reference}</span>]] as [string, React.ReactNode][]) : []),
    ["Date", dateTime((p.paidAt ?? p.createdAt).toISOString(), tz)],
    ...(newExpiresAt ? ([["Service valid until", dateTime(newExpiresAt.toISOString(), tz)]] as [string, string][]) : []),
    ...(p.shortfallAction ? ([["Part payment", shortfallActionLabels[p.shortfallAction]]] as [string, string][]) : []),
    ...((p.purpose === "WALLET_TOPUP" || p.shortfallAction === "CREDIT_WALLET") && customer ? ([["Wallet balance now", formatMoney(customer.walletBalance, p.currency)]] as [string, string][]) : []),
  ];

  return (
    <>
      <style>{printCss}</style>
      <div className="mx-auto mb-4 flex max-w-xl flex-wrap items-center justify-between gap-3 print:hidden">
        <Breadcrumbs className="" items={[{ label: "Payments", href: "/payments" }, { label: `Receipt ${String(p.receiptNumber ?? "").padStart(6, "0")}` }]} />
        <div className="flex gap-2">
          <Link href="/payments/new" className={buttonClasses("secondary")}>
            Record another
          </Link>
          <PrintButton />
        </div>
      </div>
      {isNew && (
        <p role="status" className="mx-auto mb-4 max-w-xl rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200 print:hidden">
          Payment recorded.{newExpiresAt ? ` ${customer?.name ?? "The customer"} is active until ${dateOnly(newExpiresAt.toISOString(), tz)}.` : ""}
        </p>
      )}
      <article id="receipt" className="mx-auto max-w-xl rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200" aria-label="Receipt">
        <header className="flex items-start justify-between gap-4 border-b border-slate-200 pb-5">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">{tenant.name}</h1>
            <div className="mt-1 space-y-0.5 text-sm text-slate-600">
              {tenant.address && <p>{tenant.address}</p>}
              {tenant.contactPhone && <p>Tel: {tenant.contactPhone}</p>}
              {tenant.contactEmail && <p>{tenant.contactEmail}</p>}
            </div>
          </div>
          <div className="text-right">
            <p className="text-xs font-semibold uppercase tracking-widest text-slate-500">Receipt</p>
            <p className="mt-1 font-mono text-lg font-semibold text-slate-900">No. {String(p.receiptNumber ?? "").padStart(6, "0")}</p>
            {p.status === "REFUNDED" && <p className="mt-1 text-sm font-semibold uppercase text-red-600">Refunded</p>}
          </div>
        </header>
        <dl className="divide-y divide-slate-100 py-2 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="flex justify-between gap-4 py-2">
              <dt className="text-slate-500">{k}</dt>
              <dd className="text-right font-medium text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-2 flex items-baseline justify-between rounded-lg bg-slate-50 px-4 py-4">
          <span className="text-sm font-medium text-slate-600">Amount paid</span>
          <span className="text-2xl font-semibold tabular-nums text-slate-900">{formatMoney(p.amount, p.currency)}</span>
        </div>
        <footer className="mt-6 text-center text-xs text-slate-500">
          <p>Thank you for your payment.</p>
          {recordedBy && <p className="mt-1">Served by {recordedBy}</p>}
        </footer>
      </article>
    </>
  );
}
