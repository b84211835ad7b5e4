// POST /api/sessions/close-customer/:customerId — disconnects every live session of the customer.
import { apiRoute, jsonData } from "@/lib/auth/api";
import { getDb } from "@/lib/db";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";

export const POST = apiRoute<{ customerId: string }>({ permission: "sessions:control" }, async ({ tx, tenantId, params, actor }) => {
  const outcome = await disconnectOutcome(getDb(), await requestSessionsDisconnect(tx, { tenantId, scope: { customerId: params.customerId } }, actor));
  return jsonData(outcome, outcome.state === "pending" ? 202 : 200);
});
