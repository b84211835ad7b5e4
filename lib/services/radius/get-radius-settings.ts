// A tenant's RADIUS settings (registry keys "radius.*", lib/settings) in the shape the decision takes.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getSettings, readValue, restrictedModeSchema, SETTINGS } from "@/lib/settings";
import type { z } from "zod";

export { restrictedModeSchema };

export interface RadiusSettings {
  interimIntervalSeconds: number;
  restrictedMode: z.infer<typeof restrictedModeSchema>;
  /** The tenant's time zone, in which a voucher's calendar months are counted. */
  timeZone?: string;
}

export const DEFAULT_INTERIM_INTERVAL = SETTINGS["radius.interim_interval"].default;

export const RADIUS_SETTING_KEYS = ["radius.interim_interval", "radius.restricted_mode"] as const;

export async function getRadiusSettings(db: Database, input: { tenantId: string }): Promise<RadiusSettings> {
  const [s, [tenant]] = await Promise.all([
    getSettings(db, { tenantId: input.tenantId, keys: RADIUS_SETTING_KEYS }),
    db.execute<{ timezone: string }>(sql`select timezone from tenants where id = ${input.tenantId}`),
  ]);
  return { interimIntervalSeconds: s["radius.interim_interval"], restrictedMode: s["radius.restricted_mode"], timeZone: tenant?.timezone };
}

/** A tenant's settings rows (any of RADIUS_SETTING_KEYS, as a worker's snapshot keeps them) read through the registry. */
export function radiusSettingsFrom(rows: readonly { key: string; value: unknown }[], timeZone?: string): RadiusSettings {
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return {
    interimIntervalSeconds: readValue("radius.interim_interval", byKey.get("radius.interim_interval")),
    restrictedMode: readValue("radius.restricted_mode", byKey.get("radius.restricted_mode")),
    timeZone,
  };
}
