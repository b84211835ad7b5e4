// The admin navigation, filtered by permission in the layout.
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  icon: string;
  permission: Permission;
}

export interface NavSection {
  title?: string;
  items: NavItem[];
}

export const adminNav: NavSection[] = [
  { items: [{ href: "/dashboard", label: "Dashboard", icon: "dashboard", permission: "dashboard:read" }] },
  {
    title: "Subscribers",
    items: [
      { href: "/customers", label: "Customers", icon: "customers", permission: "customers:read" },
      { href: "/packages", label: "Packages", icon: "packages", permission: "packages:read" },
      { href: "/vouchers", label: "Vouchers", icon: "vouchers", permission: "vouchers:read" },
      { href: "/sessions", label: "Sessions", icon: "sessions", permission: "sessions:read" },
      { href: "/payments", label: "Payments", icon: "payments", permission: "payments:read" },
    ],
  },
  {
    title: "Network",
    items: [
      { href: "/routers", label: "Routers", icon: "routers", permission: "routers:read" },
      { href: "/ip-pools", label: "IP pools", icon: "ip-pools", permission: "ip-pools:read" },
    ],
  },
  {
    title: "Administration",
    items: [
      { href: "/settings", label: "Settings", icon: "settings", permission: "settings:read" },
      { href: "/settings/team", label: "Team", icon: "team", permission: "users:read" },
      { href: "/audit", label: "Audit log", icon: "audit", permission: "audit:read" },
      { href: "/settings/security", label: "My security", icon: "team", permission: "dashboard:read" },
    ],
  },
];
