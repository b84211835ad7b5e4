import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { adminNav } from "@/components/shell/nav";
import { Sidebar } from "@/components/shell/sidebar";
import { Header } from "@/components/shell/header";
import { ReturnToPlatformButton } from "@/app/(platform)/platform/return-button";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaffPage();
  const sections = adminNav
    .map((s) => ({ ...s, items: s.items.filter((i) => can(staff.role, i.permission)) }))
    .filter((s) => s.items.length > 0);
  return (
    <div className="min-h-screen">
      <Sidebar sections={sections} tenantName={staff.tenantName ?? "ISP"} />
      <div className="lg:pl-64">
        <Header name={staff.name} email={staff.email} role={staff.role} impersonating={staff.impersonating} tenantName={staff.tenantName ?? ""} returnControl={<ReturnToPlatformButton />} />
        <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
