// The tenant's security policy (today: whether two-factor sign-in is required): registry key "security".
import type { Database } from "@/lib/db/client";
import { getSetting, type SettingValue } from "@/lib/settings";

export type SecuritySettings = SettingValue<"security">;

export async function getSecuritySettings(db: Database, input: { tenantId: string }): Promise<SecuritySettings> {
  return getSetting(db, { key: "security", tenantId: input.tenantId });
}
