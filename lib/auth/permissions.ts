// One permission map for every edge: pages, server actions, REST handlers and API keys.
import type { Role } from "@/lib/db/schema";

export const permissions = [
  "dashboard:read",
  "customers:read",
  "customers:write",
  "customers:secrets",
  "packages:read",
  "packages:write",
  "vouchers:read",
  "vouchers:write",
  "sessions:read",
  "sessions:control",
  "routers:read",
  "routers:write",
  "ip-pools:read",
  "ip-pools:write",
  "payments:read",
  "payments:write",
  "users:read",
  "users:write",
  "settings:read",
  "settings:write",
  "api-keys:write",
  "audit:read",
  "platform:manage",
] as const;
export type Permission = (typeof permissions)[number];

// The team, the settings and the audit log (who did what, from which address) are for admins.
const readOnly = permissions.filter((p) => p.endsWith(":read") && p !== "users:read" && p !== "settings:read" && p !== "audit:read");
const tenantAll = permissions.filter((p) => p !== "platform:manage");

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  SUPER_ADMIN: new Set(permissions),
  ADMIN: new Set(tenantAll),
  STAFF: new Set<Permission>([
    ...readOnly,
    "customers:write",
    "customers:secrets",
    "vouchers:write",
    "sessions:control",
    "payments:write",
  ]),
  VIEWER: new Set(readOnly),
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}

export const roleLabels: Record<Role, string> = {
  SUPER_ADMIN: "Platform operator",
  ADMIN: "Admin",
  STAFF: "Staff",
  VIEWER: "Viewer",
};

/** The roles a tenant's admin can give a member or an API key, most powerful first (the operator is not one). */
export const tenantRoleOptions = (["ADMIN", "STAFF", "VIEWER"] as const).map((value) => ({ value, label: roleLabels[value] }));
