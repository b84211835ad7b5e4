import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findCustomerOptions } from "@/lib/services/customers/find-customer-options";
import { PageHeader } from "@/components/ui/card";
import { CustomerForm } from "../customer-form";
import { packageOptions } from "../_lib/options";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  const staff = await requireStaffPage("customers:write");
  const opts = await withTenant(getDb(), staff.tenantId, (tx) => findCustomerOptions(tx, { tenantId: staff.tenantId }));
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader breadcrumbs={[{ label: "Customers", href: "/customers" }, { label: "New customer" }]} title="New customer" description="PPPoE, hotspot, DHCP or static: RADIUS admits them as soon as they are saved." />
      <CustomerForm packages={packageOptions(opts, staff.tenantCurrency)} pools={opts.pools} timeZone={staff.tenantTimezone} />
    </div>
  );
}
