// POST /api/sessions/close-nas/:nasId — disconnects every live session on the router.
import { apiRoute, jsonData } from "@/lib/auth/api";
import { getDb } from "@/lib/db";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";

export const POST = apiRoute<{ nasId: string }>({ permission: "sessions:control" }, async ({ tx, tenantId, params, actor }) => {
  const outcome = await disconnectOutcome(getDb(), await requestSessionsDisconnect(tx, { tenantId, scope: { nasId: params.nasId } }, actor));
  return jsonData(outcome, outcome.state === "pending" ? 202 : 200);
});
