// An ADMIN requires (or stops requiring) two-factor sign-in for the whole tenant. Members without it
// are sent to enrol at their next page view.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { settings } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { SECURITY_SETTINGS_KEY } from "@/lib/services/auth/get-session-context";
import { zBool } from "@/lib/services/zod-helpers";
import { getSecuritySettings } from "./get-security-settings";

export const updateSecuritySettingsSchema = z.object({ requireTotp: zBool });
export type UpdateSecuritySettingsInput = z.input<typeof updateSecuritySettingsSchema>;

export async function updateSecuritySettings(db: Database, input: UpdateSecuritySettingsInput & { tenantId: string }, actor: Actor) {
  const data = updateSecuritySettingsSchema.parse(input);
  const before = await getSecuritySettings(db, { tenantId: input.tenantId });
  const value = { ...before, requireTotp: data.requireTotp };
  await db
    .insert(settings)
    .values({ tenantId: input.tenantId, key: SECURITY_SETTINGS_KEY, value })
    .onConflictDoUpdate({ target: [settings.tenantId, settings.key], set: { value, updatedAt: sql`now()` } });
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "tenant.security_update", targetType: "tenant", targetId: input.tenantId, before, after: value });
  return value;
}
