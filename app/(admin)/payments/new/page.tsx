import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findPackages, findPackagesSchema } from "@/lib/services/packages/find-packages";
import { searchPaymentCustomers } from "@/lib/services/payments/search-payment-customers";
import { Card, PageHeader } from "@/components/ui/card";
import { RecordPaymentForm, type CustomerOption } from "./record-form";
import { BackLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Record payment" };

export default async function RecordPaymentPage({ searchParams }: { searchParams: Promise<{ customerId?: string }> }) {
  const staff = await requireStaffPage("payments:write");
  const { customerId } = await searchParams;
  const [pkgs, preset] = await withTenant(getDb(), staff.tenantId, (tx) =>
    Promise.all([
      findPackages(tx, { ...findPackagesSchema.parse({ pageSize: 500 }), tenantId: staff.tenantId }),
      customerId ? searchPaymentCustomers(tx, { q: "", tenantId: staff.tenantId, id: customerId }) : Promise.resolve([]),
    ]),
  );
  const initial: CustomerOption | null = preset[0] ? { ...preset[0], expiresAt: preset[0].expiresAt?.toISOString() ?? null } : null;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Payments", href: "/payments" }, { label: "Record payment" }]}
        title="Record payment"
        description="A completed renewal extends the customer at once; a top-up goes to their wallet."
        actions={<BackLink href="/payments">Back to payments</BackLink>}
      />
      <Card className="max-w-3xl">
        <RecordPaymentForm
          currency={staff.tenantCurrency}
          timeZone={staff.tenantTimezone}
          packages={pkgs.rows.map((p) => ({ id: p.id, name: p.name, price: p.price, type: p.type }))}
          initialCustomer={initial}
        />
      </Card>
    </>
  );
}
