// One audit row per customer touched by a bulk action, written in a single multi-row INSERT.
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { auditSummary, type Actor } from "@/lib/services/audit/record-audit";

export async function recordCustomerAudits(
  db: Database,
  input: { tenantId: string; actor: Actor; action: string; entries: Array<{ id: string; before?: unknown; after?: unknown }> },
): Promise<void> {
  if (input.entries.length === 0) return;
  await db.insert(auditLog).values(
    input.entries.map((e) => ({
      tenantId: input.tenantId,
      actorUserId: input.actor.userId ?? null,
      actorApiKeyId: input.actor.apiKeyId ?? null,
      actorLabel: input.actor.label ?? null,
      action: input.action,
      targetType: "customer",
      targetId: e.id,
      before: auditSummary(e.before) ?? null,
      after: auditSummary(e.after) ?? null,
      ip: input.actor.ip ?? null,
      userAgent: input.actor.userAgent?.slice(0, 400) ?? null,
    })),
  );
}
