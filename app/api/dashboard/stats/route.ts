// GET /api/dashboard/stats: the dashboard's figures for the caller's tenant.
import { apiRoute } from "@/lib/auth/api";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { getDashboardStats } from "@/lib/services/dashboard/get-dashboard-stats";

// The two query groups run in tenant-scoped transactions of their own, in parallel (see TenantScope).
export const GET = apiRoute({ permission: "dashboard:read" }, ({ tx, tenantId, query }) =>
  getDashboardStats(tx, { tenantId, expiringLimit: query.get("expiringLimit") ?? undefined }, (fn) => withTenant(getDb(), tenantId, fn)),
);
