// GET /api/events: the caller's tenant's live events as Server-Sent Events (session start/stop, auth
// failures, router up/down). Authenticated like every REST route; never another tenant's events.
import { authenticate, jsonError } from "@/lib/auth/api";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getEventHub } from "@/lib/events/hub";
import { liveEventStream } from "@/lib/events/sse";
import { getSessionContext } from "@/lib/services/auth/get-session-context";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  try {
    const principal = await authenticate(req);
    if (!principal) throw new AppError("UNAUTHORIZED", "Sign in or send a valid bearer token or API key");
    const { role, tenantId, sessionId } = principal.context;
    if (!can(role, "dashboard:read") && !can(role, "sessions:read")) throw new AppError("FORBIDDEN", "You do not have permission to do this");
    if (!tenantId) throw new AppError("FORBIDDEN", "This endpoint works inside a tenant");
    // Staff sessions can be revoked while the stream is open: re-check them, and the tenant, every minute.
    const stillAllowed = sessionId
      ? async () => {
          const ctx = await getSessionContext(getDb(), sessionId);
          return !!ctx && ctx.tenantId === tenantId;
        }
      : undefined;
    return liveEventStream({ hub: getEventHub(), tenantId, signal: req.signal, stillAllowed });
  } catch (e) {
    return jsonError(e);
  }
}
