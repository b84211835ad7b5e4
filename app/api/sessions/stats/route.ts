// GET /api/sessions/stats: counts of the caller's tenant's active sessions by router and type, and traffic.
import { apiRoute } from "@/lib/auth/api";
import { getSessionStats } from "@/lib/services/sessions/get-session-stats";

export const GET = apiRoute({ permission: "sessions:read" }, ({ tx, tenantId }) => getSessionStats(tx, { tenantId }));
