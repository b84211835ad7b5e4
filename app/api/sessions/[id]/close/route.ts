// POST /api/sessions/:id/close — Disconnect-Request to the router; answers with the outcome (ACK/NAK/TIMEOUT)
// when the worker finishes within ~8 s, else 202 with state "pending".
import { apiRoute, jsonData } from "@/lib/auth/api";
import { getDb } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";

export const POST = apiRoute<{ id: string }>({ permission: "sessions:control" }, async ({ tx, tenantId, params, actor }) => {
  const request = await requestSessionsDisconnect(tx, { tenantId, scope: { sessionId: params.id } }, actor);
  // The wait starts once the request is committed, and holds no connection of it.
  return afterCommit(async () => {
    const outcome = await disconnectOutcome(getDb(), request);
    return jsonData(outcome, outcome.state === "pending" ? 202 : 200);
  });
});
