import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findCustomerOptions } from "@/lib/services/customers/find-customer-options";
import { getCustomer } from "@/lib/services/customers/get-customer";
import { PageHeader } from "@/components/ui/card";
import { CustomerForm, type CustomerFormValues } from "../../customer-form";
import { packageOptions } from "../../_lib/options";

export const metadata: Metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("customers:write");
  const { id } = await params;
  const [c, opts] = await withTenant(getDb(), staff.tenantId, async (tx) => {
    const customer = await getCustomer(tx, { tenantId: staff.tenantId, id });
    return [customer, await findCustomerOptions(tx, { tenantId: staff.tenantId, includePackageId: customer.packageId })] as const;
  });
  const initial: CustomerFormValues = {
    id: c.id,
    type: c.type,
    name: c.name,
    phone: c.phone ?? "",
    email: c.email ?? "",
    username: c.username,
    packageId: c.packageId ?? "",
    expiresAt: c.expiresAt?.toISOString() ?? "",
    status: c.status,
    macAddress: c.macAddress ?? "",
    staticIp: c.staticIp ?? "",
    ipPoolId: c.ipPoolId ?? "",
    latitude: c.latitude == null ? "" : String(c.latitude),
    longitude: c.longitude == null ? "" : String(c.longitude),
    address: c.address ?? "",
    notes: c.notes ?? "",
    autoRenew: c.autoRenew,
  };
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader breadcrumbs={[{ label: "Customers", href: "/customers" }, { label: c.name, href: `/customers/${c.id}` }, { label: "Edit" }]} title={`Edit ${c.name}`} description={<span className="font-mono">{c.username}</span>} />
      <CustomerForm initial={initial} packages={packageOptions(opts, staff.tenantCurrency)} pools={opts.pools} timeZone={staff.tenantTimezone} />
    </div>
  );
}
