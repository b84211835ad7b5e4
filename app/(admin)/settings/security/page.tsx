import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { getSecuritySettings } from "@/lib/services/tenants/get-security-settings";
import { PageHeader } from "@/components/ui/card";
import { SecurityClient } from "./security-client";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const staff = await requireStaffPage("dashboard:read");
  const policy = await withTenant(getDb(), staff.tenantId, (tx) => getSecuritySettings(tx, { tenantId: staff.tenantId }));
  return (
    <>
      <PageHeader title="Security" description="Your password and two-factor sign-in, and the sign-in policy of your ISP." />
      <SecurityClient totpEnabled={!!staff.totpEnabled} impersonating={staff.impersonating} canManagePolicy={can(staff.role, "settings:write")} requireTotp={policy.requireTotp} />
    </>
  );
}
