// Every state-changing action is recorded here: who, which tenant, what, before and after.
import { auditLog } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";

export interface Actor {
  userId?: string | null;
  apiKeyId?: string | null;
  label?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export const systemActor: Actor = { label: "system" };

export interface AuditEntry {
  tenantId: string | null;
  actor: Actor;
  action: string;
  targetType?: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|secret|token|hash|sealed|key$/i;

/** Drops secrets and bigints from a before/after summary. */
export function auditSummary(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(auditSummary);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, auditSummary(v)]),
    );
  }
  return value;
}

export async function recordAudit(db: Database, entry: AuditEntry) {
  await db.insert(auditLog).values({
    tenantId: entry.tenantId,
    actorUserId: entry.actor.userId ?? null,
    actorApiKeyId: entry.actor.apiKeyId ?? null,
    actorLabel: entry.actor.label ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    before: auditSummary(entry.before) ?? null,
    after: auditSummary(entry.after) ?? null,
    ip: entry.actor.ip ?? null,
    userAgent: entry.actor.userAgent?.slice(0, 400) ?? null,
  });
}
