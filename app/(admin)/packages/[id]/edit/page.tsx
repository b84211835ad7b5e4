import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findRouters } from "@/lib/services/routers/find-routers";
import { getPackage } from "@/lib/services/packages/get-package";
import { PageHeader } from "@/components/ui/card";
import { formatMoneyInput } from "@/lib/money";
import { PackageForm, type PackageFormValues } from "../../package-form";

export const metadata: Metadata = { title: "Edit package" };

const s = (v: number | null | undefined) => (v == null ? "" : String(v));

export default async function EditPackagePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("packages:write");
  const { id } = await params;
  const [p, routers] = await withTenant(getDb(), staff.tenantId, (tx) =>
    Promise.all([getPackage(tx, { tenantId: staff.tenantId, id }), findRouters(tx, { tenantId: staff.tenantId, page: 1, pageSize: 200 })]),
  );
  const initial: PackageFormValues = {
    id: p.id,
    name: p.name,
    description: p.description ?? "",
    type: p.type,
    price: formatMoneyInput(p.price, staff.tenantCurrency),
    validityValue: String(p.validityValue),
    validityUnit: p.validityUnit,
    downloadKbps: String(p.downloadKbps),
    uploadKbps: String(p.uploadKbps),
    burstDownloadKbps: s(p.burstDownloadKbps),
    burstUploadKbps: s(p.burstUploadKbps),
    burstThresholdDownloadKbps: s(p.burstThresholdDownloadKbps),
    burstThresholdUploadKbps: s(p.burstThresholdUploadKbps),
    burstTimeSeconds: s(p.burstTimeSeconds),
    priority: s(p.priority),
    dataQuotaGb: s(p.dataQuotaGb),
    sessionTimeLimitMinutes: s(p.sessionTimeLimitMinutes),
    fupDownloadKbps: s(p.fupDownloadKbps),
    fupUploadKbps: s(p.fupUploadKbps),
    sharedUsers: String(p.sharedUsers),
    idleTimeoutMinutes: s(p.idleTimeoutMinutes),
    addressList: p.addressList ?? "",
    allRouters: p.allRouters,
    routerIds: p.routerIds,
  };
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader breadcrumbs={[{ label: "Packages", href: "/packages" }, { label: p.name }, { label: "Edit" }]} title={`Edit ${p.name}`} description={p.retiredAt ? "This package is retired: current customers keep it, new ones cannot choose it." : undefined} />
      <PackageForm initial={initial} routers={routers.rows.map((r) => ({ id: r.id, name: r.name, ipAddress: r.ipAddress }))} currency={staff.tenantCurrency} />
    </div>
  );
}
