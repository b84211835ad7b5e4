import type { Metadata } from "next";
import { CalendarDays, Clock, CreditCard, Wallet } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { pageQuery, parseListParams, type RawSearchParams } from "@/lib/list-params";
import { isUuid } from "@/lib/ids";
import { findPayments, findPaymentsSchema, paymentSortKeys } from "@/lib/services/payments/find-payments";
import { paymentMethods, paymentPurposes, paymentStatuses } from "@/lib/services/payments/payment-fields";
import { PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { PaymentsTable } from "./payments-client";
import { formatMoney } from "@/lib/money";
import { tableView } from "@/components/data-table/view";
import { CreateLink } from "@/components/ui/page-links";


export const metadata: Metadata = { title: "Payments" };

const oneOf = <T extends string>(list: readonly T[], v?: string): T | undefined => (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
const day = (v?: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** YYYY-MM-DD of now in a time zone. */
function localDay(timeZone: string, d = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("payments:read");
  const list = parseListParams(await searchParams, { sortable: paymentSortKeys, defaultSort: "createdAt", filters: ["method", "status", "purpose", "from", "to", "customerId"] });
  const tenantId = staff.tenantId;
  const timezone = staff.tenantTimezone;
  const today = localDay(timezone);
  const monthStart = `${today.slice(0, 8)}01`;
  const [page, todayTotals, monthTotals, pending] = await withTenant(getDb(), tenantId, (tx) =>
    Promise.all([
      findPayments(tx, {
        ...findPaymentsSchema.parse({
          ...pageQuery(list),
          search: list.q,
          method: oneOf(paymentMethods, list.filters.method),
          status: oneOf(paymentStatuses, list.filters.status),
          purpose: oneOf(paymentPurposes, list.filters.purpose),
          from: day(list.filters.from),
          to: day(list.filters.to),
          customerId: isUuid(list.filters.customerId) ? list.filters.customerId : undefined,
        }),
        tenantId,
        timezone,
      }),
      findPayments(tx, { ...findPaymentsSchema.parse({ status: "COMPLETED", from: today, to: today, pageSize: 1 }), tenantId, timezone }),
      findPayments(tx, { ...findPaymentsSchema.parse({ status: "COMPLETED", from: monthStart, to: today, pageSize: 1 }), tenantId, timezone }),
      findPayments(tx, { ...findPaymentsSchema.parse({ status: "PENDING", pageSize: 1 }), tenantId, timezone }),
    ]),
  );
  const cur = staff.tenantCurrency;
  const rows = page.rows.map((r) => ({
    id: r.id,
    receiptNumber: r.receiptNumber,
    amount: r.amount,
    currency: r.currency,
    method: r.method,
    status: r.status,
    purpose: r.purpose,
    shortfallAction: r.shortfallAction,
    reference: r.reference,
    phone: r.phone,
    when: (r.paidAt ?? r.createdAt).toISOString(),
    customerId: r.customerId,
    customerName: r.customerName,
    customerUsername: r.customerUsername,
    packageName: r.packageName,
  }));

  return (
    <>
      <PageHeader
        title="Payments"
        description="Money received from subscribers: renewals and wallet top-ups, with printable receipts."
        actions={
          can(staff.role, "payments:write") && (
            <CreateLink href="/payments/new">Record payment</CreateLink>
          )
        }
      />
      <StatGrid label="Payment figures" className="mb-6">
        <StatCard label="Collected today" value={formatMoney(todayTotals.totals.completedAmount, cur)} hint={`${todayTotals.total} payment${todayTotals.total === 1 ? "" : "s"}`} icon={<CreditCard className="size-5" />} />
        <StatCard label="This month" value={formatMoney(monthTotals.totals.completedAmount, cur)} hint={`${monthTotals.total} payment${monthTotals.total === 1 ? "" : "s"}`} icon={<CalendarDays className="size-5" />} />
        <StatCard label="Pending" value={pending.total.toLocaleString()} hint="awaiting confirmation" icon={<Clock className="size-5" />} />
        <StatCard label="Matching filters" value={formatMoney(page.totals.completedAmount, cur)} hint={`${page.total.toLocaleString()} payment${page.total === 1 ? "" : "s"}, completed amount`} icon={<Wallet className="size-5" />} />
      </StatGrid>
      <PaymentsTable view={tableView(page, list, rows)} timeZone={timezone} canWrite={can(staff.role, "payments:write")} />
    </>
  );
}
