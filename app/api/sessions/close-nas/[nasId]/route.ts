// POST /api/sessions/close-nas/:nasId — disconnects every live session on the router.
import { apiRoute, jsonData } from "@/lib/auth/api";
import { getDb } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";

export const POST = apiRoute<{ nasId: string }>({ permission: "sessions:control" }, async ({ tx, tenantId, params, actor }) => {
  const request = await requestSessionsDisconnect(tx, { tenantId, scope: { routerId: params.nasId } }, actor);
  // The wait starts once the request is committed, and holds no connection of it.
  return afterCommit(async () => {
    const outcome = await disconnectOutcome(getDb(), request);
    return jsonData(outcome, outcome.state === "pending" ? 202 : 200);
  });
});
