import type { Metadata } from "next";
import { Activity, CreditCard, Router, Users } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { PageHeader, StatCard } from "@/components/ui/card";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const staff = await requireStaffPage("dashboard:read");
  return (
    <>
      <PageHeader title="Dashboard" description={`Overview of ${staff.tenantName}`} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Active sessions" value="0" icon={<Activity className="size-5" />} />
        <StatCard label="Customers" value="0" icon={<Users className="size-5" />} />
        <StatCard label="Revenue today" value={`${staff.tenantCurrency} 0`} icon={<CreditCard className="size-5" />} />
        <StatCard label="Routers online" value="0" icon={<Router className="size-5" />} />
      </div>
    </>
  );
}
