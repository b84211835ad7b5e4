// An ADMIN creates an API key for an integration: "isp_<8-char prefix>_<secret>", shown once, stored
// as a SHA-256 hash (see get-api-key-context.ts), scoped to the tenant and a role.
import { z } from "zod";
import { apiKeys } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { hashToken, randomString, randomToken } from "@/lib/crypto";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { API_KEY_PREFIX } from "@/lib/services/auth/get-api-key-context";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters").max(80),
  role: z.enum(["ADMIN", "STAFF", "VIEWER"], { message: "Choose a role" }).default("VIEWER"),
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export async function createApiKey(db: Database, input: CreateApiKeyInput & { tenantId: string; createdByUserId?: string | null }, actor: Actor) {
  const prefix = randomString(8, "abcdefghijklmnopqrstuvwxyz0123456789");
  const key = `${API_KEY_PREFIX}${prefix}_${randomToken(24)}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ tenantId: input.tenantId, name: input.name, role: input.role, prefix, keyHash: hashToken(key), createdByUserId: input.createdByUserId ?? null })
    .returning({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt });
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "api_key.create", targetType: "api_key", targetId: row.id, after: { name: row.name, role: row.role, prefix } });
  return { ...row, key };
}
