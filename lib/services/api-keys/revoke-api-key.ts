// Revokes an API key: it stops at its next request.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiKeys } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { zUuid } from "@/lib/services/zod-helpers";

export const revokeApiKeySchema = z.object({ id: zUuid("API key id") });

export type RevokeApiKeyInput = z.output<typeof revokeApiKeySchema>;

export async function revokeApiKey(db: Database, input: RevokeApiKeyInput & { tenantId: string }, actor: Actor) {
  if (!isUuid(input.id)) throw notFound("API key");
  const scope = and(eq(apiKeys.tenantId, input.tenantId), eq(apiKeys.id, input.id));
  const [row] = await db.update(apiKeys).set({ revokedAt: new Date() }).where(and(scope, isNull(apiKeys.revokedAt))).returning({ id: apiKeys.id, name: apiKeys.name });
  if (!row) {
    const [exists] = await db.select({ id: apiKeys.id }).from(apiKeys).where(scope);
    if (!exists) throw notFound("API key");
    return { id: input.id, alreadyRevoked: true };
  }
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "api_key.revoke", targetType: "api_key", targetId: row.id, before: { name: row.name, revoked: false }, after: { revoked: true } });
  return { id: row.id, alreadyRevoked: false };
}
