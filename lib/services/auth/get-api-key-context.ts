// API keys for integrations: "isp_<prefix>_<secret>", stored only as a SHA-256 hash, scoped to one
// tenant and one role. Revoked keys, and keys of a suspended tenant or an ended trial, stop at once.
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { apiKeys, tenants } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { hashToken } from "@/lib/crypto";
import type { StaffContext } from "./get-session-context";

export const API_KEY_PREFIX = "isp_";

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

export interface ApiKeyContext extends Omit<StaffContext, "sessionId" | "userId" | "email" | "name"> {
  apiKeyId: string;
  apiKeyName: string;
}

export async function getApiKeyContext(db: Database, key: string): Promise<ApiKeyContext | null> {
  if (!looksLikeApiKey(key) || key.length > 200) return null;
  const ctx = await liveKey(db, eq(apiKeys.keyHash, hashToken(key)));
  if (ctx) {
    void db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.id, ctx.apiKeyId), sql`coalesce(${apiKeys.lastUsedAt}, 'epoch') < now() - interval '1 minute'`))
      .catch(() => undefined);
  }
  return ctx;
}

/** The same checks again for a key already authenticated (a live stream re-checks its key with it). */
export async function getApiKeyContextById(db: Database, apiKeyId: string): Promise<ApiKeyContext | null> {
  if (!/^[0-9a-f-]{36}$/i.test(apiKeyId)) return null;
  return liveKey(db, eq(apiKeys.id, apiKeyId));
}

async function liveKey(db: Database, which: SQL): Promise<ApiKeyContext | null> {
  const [row] = await db
    .select({ key: apiKeys, tenant: tenants })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(and(which, isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row || row.tenant.status === "SUSPENDED") return null;
  // The same rule as staff sessions: a trial that has ended lets nobody in, people or integrations.
  if (row.tenant.status === "TRIAL" && row.tenant.trialEndsAt && row.tenant.trialEndsAt < new Date()) return null;
  return {
    apiKeyId: row.key.id,
    apiKeyName: row.key.name,
    role: row.key.role === "SUPER_ADMIN" ? "VIEWER" : row.key.role,
    tenantId: row.tenant.id,
    tenantName: row.tenant.name,
    tenantSlug: row.tenant.slug,
    tenantCurrency: row.tenant.currency,
    tenantTimezone: row.tenant.timezone,
    impersonating: false,
  };
}
