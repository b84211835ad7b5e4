import { requireStaffPage } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { SettingsTabs } from "./_lib/settings-tabs";

const tabs: { href: string; label: string; permission: Permission }[] = [
  { href: "/settings", label: "Profile", permission: "settings:read" },
  { href: "/settings/team", label: "Team", permission: "users:read" },
  { href: "/settings/api-keys", label: "API keys", permission: "api-keys:write" },
  { href: "/settings/security", label: "Security", permission: "dashboard:read" },
  { href: "/settings/outbox", label: "Mail outbox", permission: "settings:write" },
];

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaffPage();
  return (
    <>
      <SettingsTabs tabs={tabs.filter((t) => can(staff.role, t.permission)).map(({ href, label }) => ({ href, label }))} />
      {children}
    </>
  );
}
