import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Ban, CheckCircle2, Clock, Download, FileText, Ticket } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { isAppError } from "@/lib/errors";
import { pageQuery, parseListParams, type RawSearchParams } from "@/lib/list-params";
import { formatValidity, type ValidityUnit } from "@/lib/services/packages/validity";
import { findVouchers, findVouchersSchema, voucherSortKeys } from "@/lib/services/vouchers/find-vouchers";
import { getVoucherBatch } from "@/lib/services/vouchers/get-voucher-batch";
import { VOUCHER_CHARSETS } from "@/lib/services/vouchers/voucher-fields";
import { Card, PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { VouchersTable } from "../../vouchers-client";
import { formatDateTime } from "@/lib/format";
import { toVoucherRowView } from "../../_lib/rows";
import { formatMoney } from "@/lib/money";
import { VOUCHER_STATUSES } from "@/lib/db/enums";
import { tableView } from "@/components/data-table/view";
import { BackLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Voucher batch" };

const STATUSES: readonly string[] = VOUCHER_STATUSES;

export default async function VoucherBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("vouchers:read");
  const { id } = await params;
  const raw = await searchParams;
  const list = parseListParams(raw, { sortable: voucherSortKeys, defaultSort: "code", defaultDir: "asc", filters: ["status", "packageId"] });
  const tenantId = staff.tenantId;
  const data = await withTenant(getDb(), tenantId, async (tx) => {
    try {
      const batch = await getVoucherBatch(tx, { tenantId, id });
      const page = await findVouchers(tx, {
        ...findVouchersSchema.parse({
          batchId: batch.id,
          ...pageQuery(list),
          search: list.q,
          status: STATUSES.includes(list.filters.status ?? "") ? list.filters.status : undefined,
        }),
        tenantId,
      });
      return { batch, page };
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") return null;
      throw e;
    }
  });
  if (!data) notFound();
  const { batch, page } = data;
  const created = typeof raw.created === "string" ? Number(raw.created) : null;
  const ms = typeof raw.ms === "string" ? Number(raw.ms) : null;
  const charsetLabel = batch.charsetKey ? VOUCHER_CHARSETS[batch.charsetKey as keyof typeof VOUCHER_CHARSETS].label : batch.charset;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Vouchers", href: "/vouchers" }, { label: `Batch ${batch.name}` }]}
        title={batch.name}
        description={
          <>
            {batch.packageName} · {formatMoney(batch.price, staff.tenantCurrency)} · valid {formatValidity({ validityValue: batch.validityValue, validityUnit: batch.validityUnit as ValidityUnit })} · created{" "}
            {formatDateTime(batch.createdAt, staff.tenantTimezone)}
          </>
        }
        actions={
          <>
            <BackLink href="/vouchers" variant="ghost">All vouchers</BackLink>
            <a href={`/api/vouchers/batches/${batch.id}/csv`} className={buttonClasses("secondary")}>
              <Download className="size-4" aria-hidden /> CSV
            </a>
            <a href={`/api/vouchers/batches/${batch.id}/pdf?availableOnly=true`} className={buttonClasses("secondary")}>
              <FileText className="size-4" aria-hidden /> PDF (available only)
            </a>
            <a href={`/api/vouchers/batches/${batch.id}/pdf`} className={buttonClasses("primary")}>
              <FileText className="size-4" aria-hidden /> Download PDF
            </a>
          </>
        }
      />
      {created ? (
        <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {created.toLocaleString()} voucher{created === 1 ? "" : "s"} generated{ms ? ` in ${(ms / 1000).toFixed(2)} s` : ""}. Download the PDF to print them, 24 to a page.
        </p>
      ) : null}
      <StatGrid label="Batch figures" className="mb-6">
        <StatCard label="Available" value={batch.available.toLocaleString()} hint={`of ${batch.count.toLocaleString()} generated`} icon={<Ticket className="size-5" />} />
        <StatCard label="Used" value={batch.used.toLocaleString()} icon={<CheckCircle2 className="size-5" />} />
        <StatCard label="Expired" value={batch.expired.toLocaleString()} icon={<Clock className="size-5" />} />
        <StatCard label="Revoked" value={batch.revoked.toLocaleString()} icon={<Ban className="size-5" />} />
      </StatGrid>
      <Card className="mb-6 px-5 py-3 text-sm text-slate-600">
        Codes: prefix <span className="font-mono font-semibold text-slate-900">{batch.prefix || "none"}</span> + {batch.codeLength} characters from “{charsetLabel}”.
      </Card>
      <VouchersTable
        view={tableView(page, list, page.rows.map(toVoucherRowView))}
        currency={staff.tenantCurrency}
        timeZone={staff.tenantTimezone}
        batches={[]}
        packages={[]}
        canWrite={can(staff.role, "vouchers:write")}
        canControl={can(staff.role, "sessions:control")}
        fixedBatchId={batch.id}
      />
    </>
  );
}
