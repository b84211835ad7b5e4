// "Sync now" from staff: closes this tenant's stale sessions at once instead of at the next minute.
import type { Database } from "@/lib/db/client";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { closeStaleSessions, type CloseStaleSessionsResult } from "./close-stale-sessions";

export async function syncSessions(db: Database, input: { tenantId: string }, actor: Actor): Promise<CloseStaleSessionsResult> {
  const result = await closeStaleSessions(db, { tenantId: input.tenantId });
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "sessions.sync", targetType: "tenant", targetId: input.tenantId, after: result });
  return result;
}
