// The API keys of a tenant (never the secret: only its prefix), newest first.
import { desc, eq } from "drizzle-orm";
import { apiKeys, users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";

export async function findApiKeys(db: Database, input: { tenantId: string }) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.tenantId, input.tenantId))
    .orderBy(desc(apiKeys.createdAt))
    .limit(500);
}
