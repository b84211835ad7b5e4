// GET /api/events: the caller's tenant's live events as Server-Sent Events (session start/stop, auth
// failures, router up/down). The same steps as every REST route (two-factor enrolment included), no
// transaction; every minute the caller is checked again, so a revoked session or API key, an ended
// trial or a lost permission ends the stream. Never another tenant's events.
import { apiHandler } from "@/lib/auth/api";
import { stillAuthorized, type PermissionNeed } from "@/lib/auth/steps";
import { getEventHub } from "@/lib/events/hub";
import { liveEventStream } from "@/lib/events/sse";

export const dynamic = "force-dynamic";

const NEED: PermissionNeed = ["dashboard:read", "sessions:read"];

export const GET = apiHandler({ permission: NEED }, async ({ req, principal, tenantId }) =>
  liveEventStream({ hub: getEventHub(), tenantId, signal: req.signal, stillAllowed: () => stillAuthorized(principal, NEED) }),
);
