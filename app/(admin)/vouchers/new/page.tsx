import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { formatValidity } from "@/lib/services/packages/validity";
import { findPackages, findPackagesSchema } from "@/lib/services/packages/find-packages";
import { VOUCHER_CHARSETS, voucherCharsetKeys, MAX_VOUCHERS_PER_BATCH } from "@/lib/services/vouchers/voucher-fields";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { getVoucherStats, liveVoucherCount } from "@/lib/services/vouchers/get-voucher-stats";
import { GenerateVouchersForm } from "./generate-form";
import { formatMoney } from "@/lib/money";
import { zonedDay } from "@/lib/format";
import { BackLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Generate vouchers" };

/** Tomorrow in the tenant's zone: the earliest "redeem by" date. */
function tomorrowIn(timeZone: string): string {
  return zonedDay(new Date(Date.now() + 86_400_000), timeZone);
}


export default async function NewVouchersPage() {
  const staff = await requireStaffPage("vouchers:write");
  const [pkgs, stats] = await withTenant(getDb(), staff.tenantId, (tx) =>
    Promise.all([findPackages(tx, { ...findPackagesSchema.parse({ type: "HOTSPOT", pageSize: 200 }), tenantId: staff.tenantId }), getVoucherStats(tx, { tenantId: staff.tenantId })]),
  );
  const packages = pkgs.rows.map((p) => ({
    id: p.id,
    label: `${p.name} · ${formatMoney(p.price, staff.tenantCurrency)} · ${formatValidity({ validityValue: p.validityValue, validityUnit: p.validityUnit })}`,
  }));
  const charsets = voucherCharsetKeys.map((k) => ({ key: k, label: VOUCHER_CHARSETS[k].label, alphabet: VOUCHER_CHARSETS[k].alphabet }));
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Vouchers", href: "/vouchers" }, { label: "Generate" }]}
        title="Generate vouchers"
        description={`Up to ${MAX_VOUCHERS_PER_BATCH.toLocaleString("en")} codes at once for a hotspot package, grouped in a batch you can print.`}
        actions={<BackLink href="/vouchers">Back to vouchers</BackLink>}
      />
      <Card className="max-w-3xl">
        {packages.length === 0 ? (
          <EmptyState
            title="No hotspot package yet"
            description="Vouchers sell a hotspot package. Create one first, then come back here."
            action={
              <Link href="/packages/new" className={buttonClasses("primary", "sm")}>
                Create a package
              </Link>
            }
          />
        ) : (
          <GenerateVouchersForm packages={packages} charsets={charsets} minDate={tomorrowIn(staff.tenantTimezone)} liveVouchers={liveVoucherCount(stats)} />
        )}
      </Card>
    </>
  );
}
