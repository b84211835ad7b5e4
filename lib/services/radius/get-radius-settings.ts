// A tenant's RADIUS settings (registry keys "radius.*", lib/settings) in the shape the decision takes.
import type { Database } from "@/lib/db/client";
import { getSettings, restrictedModeSchema, SETTINGS } from "@/lib/settings";
import type { z } from "zod";

export { restrictedModeSchema };

export interface RadiusSettings {
  interimIntervalSeconds: number;
  restrictedMode: z.infer<typeof restrictedModeSchema>;
}

export const DEFAULT_INTERIM_INTERVAL = SETTINGS["radius.interim_interval"].default;

export async function getRadiusSettings(db: Database, input: { tenantId: string }): Promise<RadiusSettings> {
  const s = await getSettings(db, { tenantId: input.tenantId, keys: ["radius.interim_interval", "radius.restricted_mode"] });
  return { interimIntervalSeconds: s["radius.interim_interval"], restrictedMode: s["radius.restricted_mode"] };
}
