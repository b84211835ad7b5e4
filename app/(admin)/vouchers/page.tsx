import type { Metadata } from "next";
import Link from "next/link";
import { Ban, CheckCircle2, Clock, Download, FileText, Ticket } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { pageQuery, parseListParams, type RawSearchParams } from "@/lib/list-params";
import { findPackages, findPackagesSchema } from "@/lib/services/packages/find-packages";
import { findVoucherBatches, findVoucherBatchesSchema } from "@/lib/services/vouchers/find-voucher-batches";
import { findVouchers, findVouchersSchema, voucherSortKeys } from "@/lib/services/vouchers/find-vouchers";
import { getVoucherStats } from "@/lib/services/vouchers/get-voucher-stats";
import { Card, CardHeader, EmptyState, PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { VouchersTable } from "./vouchers-client";
import { formatDateTime } from "@/lib/format";
import { toVoucherRowView } from "./_lib/rows";
import { formatMoney } from "@/lib/money";
import { VOUCHER_STATUSES } from "@/lib/db/enums";
import { tableView } from "@/components/data-table/view";
import { CreateLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Vouchers" };

const STATUSES: readonly string[] = VOUCHER_STATUSES;
const isId = (v?: string) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);

export default async function VouchersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("vouchers:read");
  const list = parseListParams(await searchParams, { sortable: voucherSortKeys, defaultSort: "createdAt", filters: ["status", "batchId", "packageId"] });
  const tenantId = staff.tenantId;
  const [page, batches, stats, pkgs] = await withTenant(getDb(), tenantId, (tx) =>
    Promise.all([
      findVouchers(tx, {
        ...findVouchersSchema.parse({
          ...pageQuery(list),
          search: list.q,
          status: STATUSES.includes(list.filters.status ?? "") ? list.filters.status : undefined,
          batchId: isId(list.filters.batchId),
          packageId: isId(list.filters.packageId),
        }),
        tenantId,
      }),
      findVoucherBatches(tx, { ...findVoucherBatchesSchema.parse({ pageSize: 100 }), tenantId }),
      getVoucherStats(tx, { tenantId }),
      findPackages(tx, { ...findPackagesSchema.parse({ type: "HOTSPOT", state: "all", pageSize: 200 }), tenantId }),
    ]),
  );
  const canWrite = can(staff.role, "vouchers:write");
  const recent = batches.rows.slice(0, 6);

  return (
    <>
      <PageHeader
        title="Vouchers"
        description="Prepaid hotspot access codes: generate them in batches, print them, and follow their use."
        actions={canWrite && <CreateLink href="/vouchers/new">Generate vouchers</CreateLink>}
      />
      <StatGrid label="Voucher figures" className="mb-6">
        <StatCard label="Available" value={stats.AVAILABLE.toLocaleString()} hint="ready to sell" icon={<Ticket className="size-5" />} />
        <StatCard label="Used" value={stats.USED.toLocaleString()} hint="redeemed by a customer" icon={<CheckCircle2 className="size-5" />} />
        <StatCard label="Expired" value={stats.EXPIRED.toLocaleString()} icon={<Clock className="size-5" />} />
        <StatCard label="Revoked" value={stats.REVOKED.toLocaleString()} icon={<Ban className="size-5" />} />
      </StatGrid>

      <Card className="mb-6">
        <CardHeader title="Recent batches" description={`${batches.total.toLocaleString()} batch${batches.total === 1 ? "" : "es"} in all`} />
        {recent.length === 0 ? (
          <EmptyState
            title="No voucher batches yet"
            description="Generate a batch of codes for a hotspot package, then print the sheet for your sellers."
            action={canWrite && <CreateLink href="/vouchers/new" size="sm">Generate vouchers</CreateLink>}
          />
        ) : (
          <ul className="divide-y divide-slate-100">
            {recent.map((b) => {
              const usedPct = b.count ? Math.round((b.used / b.count) * 100) : 0;
              return (
                <li key={b.id} className="flex flex-wrap items-center gap-x-6 gap-y-2 px-5 py-3">
                  <div className="min-w-[200px] flex-1">
                    <Link href={`/vouchers/batches/${b.id}`} className="font-medium text-brand-700 hover:underline">
                      {b.name}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {b.packageName} · {formatMoney(b.price, staff.tenantCurrency)} · {formatDateTime(b.createdAt, staff.tenantTimezone)}
                    </p>
                  </div>
                  <div className="w-44 text-xs text-slate-600">
                    <div className="mb-1 flex justify-between">
                      <span>
                        {b.used.toLocaleString()} of {b.count.toLocaleString()} used
                      </span>
                      <span>{usedPct}%</span>
                    </div>
                    <div className="h-1.5 rounded-full bg-slate-100">
                      <div className="h-1.5 rounded-full bg-brand-600" style={{ width: `${usedPct}%` }} />
                    </div>
                  </div>
                  <div className="flex gap-2">
                    <a href={`/api/vouchers/batches/${b.id}/pdf`} className={buttonClasses("secondary", "sm")} aria-label={`Print ${b.name} (PDF)`}>
                      <FileText className="size-4" aria-hidden /> PDF
                    </a>
                    <a href={`/api/vouchers/batches/${b.id}/csv`} className={buttonClasses("ghost", "sm")} aria-label={`Export ${b.name} (CSV)`}>
                      <Download className="size-4" aria-hidden /> CSV
                    </a>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <VouchersTable
        view={tableView(page, list, page.rows.map(toVoucherRowView))}
        currency={staff.tenantCurrency}
        timeZone={staff.tenantTimezone}
        batches={batches.rows.map((b) => ({ id: b.id, name: b.name }))}
        packages={pkgs.rows.map((p) => ({ id: p.id, name: p.name }))}
        canWrite={canWrite}
        canControl={can(staff.role, "sessions:control")}
      />
    </>
  );
}
