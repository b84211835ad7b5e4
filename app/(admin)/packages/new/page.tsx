import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findRouters } from "@/lib/services/routers/find-routers";
import { PageHeader } from "@/components/ui/card";
import { PackageForm } from "../package-form";

export const metadata: Metadata = { title: "New package" };

export default async function NewPackagePage() {
  const staff = await requireStaffPage("packages:write");
  const routers = await withTenant(getDb(), staff.tenantId, (tx) => findRouters(tx, { tenantId: staff.tenantId, page: 1, pageSize: 200 }));
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader breadcrumbs={[{ label: "Packages", href: "/packages" }, { label: "New package" }]} title="New package" description="A plan your customers can be put on. RADIUS enforces its speed and limits." />
      <PackageForm routers={routers.rows.map((r) => ({ id: r.id, name: r.name, ipAddress: r.ipAddress }))} currency={staff.tenantCurrency} />
    </div>
  );
}
