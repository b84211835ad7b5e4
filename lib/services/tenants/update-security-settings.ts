// An ADMIN requires (or stops requiring) two-factor sign-in for the whole tenant. Members without it
// are sent to enrol at their next page view.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { Actor } from "@/lib/services/audit/record-audit";
import { zBool } from "@/lib/services/zod-helpers";
import { updateSettings } from "@/lib/settings";
import { getSecuritySettings } from "./get-security-settings";

export const updateSecuritySettingsSchema = z.object({ requireTotp: zBool });
export type UpdateSecuritySettingsInput = z.output<typeof updateSecuritySettingsSchema>;

export async function updateSecuritySettings(db: Database, input: UpdateSecuritySettingsInput & { tenantId: string }, actor: Actor) {
  const before = await getSecuritySettings(db, { tenantId: input.tenantId });
  const value = { ...before, requireTotp: input.requireTotp };
  await updateSettings(db, { tenantId: input.tenantId, values: { security: value } }, actor);
  return value;
}
