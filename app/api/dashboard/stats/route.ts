// GET /api/dashboard/stats?expiringLimit=: the dashboard's figures for the caller's tenant.
import { apiRoute } from "@/lib/auth/api";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { getDashboardStats, getDashboardStatsSchema } from "@/lib/services/dashboard/get-dashboard-stats";

// `now` is for tests only: the query string sets how many expiring customers to list, nothing else.
const dashboardQuerySchema = getDashboardStatsSchema.pick({ expiringLimit: true });

// The two query groups run in tenant-scoped transactions of their own, in parallel (see TenantScope).
export const GET = apiRoute({ permission: "dashboard:read", search: dashboardQuerySchema }, ({ tx, tenantId, search }) =>
  getDashboardStats(tx, { ...search, tenantId }, (fn) => withTenant(getDb(), tenantId, fn)),
);
