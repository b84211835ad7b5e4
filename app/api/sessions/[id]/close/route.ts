// POST /api/sessions/:id/close — Disconnect-Request to the router; answers with the outcome (ACK/NAK/TIMEOUT)
// when the worker finishes within ~8 s, else 202 with state "pending".
import { apiRoute, jsonData } from "@/lib/auth/api";
import { getDb } from "@/lib/db";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";

export const POST = apiRoute<{ id: string }>({ permission: "sessions:control" }, async ({ tx, tenantId, params, actor }) => {
  const outcome = await disconnectOutcome(getDb(), await requestSessionsDisconnect(tx, { tenantId, scope: { sessionId: params.id } }, actor));
  return jsonData(outcome, outcome.state === "pending" ? 202 : 200);
});
