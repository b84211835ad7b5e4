import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findUsers } from "@/lib/services/users/find-users";
import { PageHeader } from "@/components/ui/card";
import { TeamClient } from "./team-client";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const staff = await requireStaffPage("users:read");
  const members = await withTenant(getDb(), staff.tenantId, (tx) => findUsers(tx, { tenantId: staff.tenantId }));
  return (
    <>
      <PageHeader title="Team" description="Who can sign in to this ISP, and what each person may do." />
      <TeamClient
        canEdit={can(staff.role, "users:write")}
        meId={staff.userId}
        timeZone={staff.tenantTimezone}
        members={members.map((m) => ({ ...m, lastLoginAt: m.lastLoginAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString() }))}
      />
    </>
  );
}
