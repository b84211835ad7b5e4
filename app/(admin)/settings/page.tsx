import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { getTenant } from "@/lib/services/tenants/get-tenant";
import { formatDate } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { countryOptions, currencyOptions } from "@/lib/regions";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const staff = await requireStaffPage("settings:read");
  const tenant = await withTenant(getDb(), staff.tenantId, (tx) => getTenant(tx, { tenantId: staff.tenantId }));
  const status =
    tenant.status === "TRIAL" ? (
      <Badge tone="yellow">Trial{tenant.trialEndsAt ? ` until ${formatDate(tenant.trialEndsAt, tenant.timezone)}` : ""}</Badge>
    ) : tenant.status === "ACTIVE" ? (
      <Badge tone="green">Active</Badge>
    ) : (
      <Badge tone="red">Suspended</Badge>
    );
  return (
    <>
      <PageHeader title="Settings" description="Your ISP's profile, as customers and staff see it." actions={status} />
      <Card>
        <CardHeader title="ISP profile" description={`Slug: ${tenant.slug} · created ${formatDate(tenant.createdAt, tenant.timezone)}`} />
        <CardBody>
          <ProfileForm
            canEdit={can(staff.role, "settings:write")}
            timezones={Intl.supportedValuesOf("timeZone")}
            countries={countryOptions()}
            currencies={currencyOptions()}
            tenant={{
              name: tenant.name,
              currency: tenant.currency,
              timezone: tenant.timezone,
              country: tenant.country,
              logoUrl: tenant.logoUrl ?? "",
              contactEmail: tenant.contactEmail ?? "",
              contactPhone: tenant.contactPhone ?? "",
              address: tenant.address ?? "",
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
