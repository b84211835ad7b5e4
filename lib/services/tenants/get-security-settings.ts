// The tenant's security policy (today: whether two-factor sign-in is required), kept in `settings`.
import { and, eq } from "drizzle-orm";
import { settings } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { SECURITY_SETTINGS_KEY } from "@/lib/services/auth/get-session-context";

export interface SecuritySettings {
  requireTotp: boolean;
}

export async function getSecuritySettings(db: Database, input: { tenantId: string }): Promise<SecuritySettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.tenantId, input.tenantId), eq(settings.key, SECURITY_SETTINGS_KEY)));
  const value = (row?.value ?? {}) as Partial<SecuritySettings>;
  return { requireTotp: value.requireTotp === true };
}
