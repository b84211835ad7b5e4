// POST /api/sessions/sync — closes this tenant's stale sessions now (the worker also does it every minute).
import { apiRoute } from "@/lib/auth/api";
import { syncSessions } from "@/lib/services/sessions/sync-sessions";

export const POST = apiRoute({ permission: "sessions:control" }, ({ tx, tenantId, actor }) => syncSessions(tx, { tenantId }, actor));
