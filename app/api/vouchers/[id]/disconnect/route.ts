// POST /api/vouchers/:id/disconnect: disconnects the voucher's live sessions; answers like the session
// close routes (the outcome within ~8 s, else 202 "pending").
import { apiRoute, jsonData } from "@/lib/auth/api";
import { getDb } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";

export const POST = apiRoute<{ id: string }>({ permission: "sessions:control" }, async ({ tx, tenantId, params, actor }) => {
  const request = await requestSessionsDisconnect(tx, { tenantId, scope: { voucherId: params.id } }, actor);
  return afterCommit(async () => {
    const outcome = await disconnectOutcome(getDb(), request);
    return jsonData(outcome, outcome.state === "pending" ? 202 : 200);
  });
});
