// A tenant's RADIUS settings (settings table, keys "radius.*") with their defaults.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";

export const restrictedModeSchema = z.object({
  enabled: z.boolean().default(false),
  /** Firewall address list the router redirects to the pay page. */
  addressList: z.string().min(1).default("restricted"),
  /** Mikrotik-Rate-Limit for restricted customers. */
  rateLimit: z.string().min(1).default("256k/256k"),
});

export interface RadiusSettings {
  interimIntervalSeconds: number;
  restrictedMode: z.infer<typeof restrictedModeSchema>;
  /** The tenant's time zone, in which a voucher's calendar months are counted. */
  timeZone?: string;
}

export const DEFAULT_INTERIM_INTERVAL = 300;

export const RADIUS_SETTING_KEYS = ["radius.interim_interval", "radius.restricted_mode"] as const;

export async function getRadiusSettings(db: Database, input: { tenantId: string }): Promise<RadiusSettings> {
  const rows = await db.execute<{ key: string; value: unknown }>(
    sql`select key, value from settings where tenant_id = ${input.tenantId} and key in ('radius.interim_interval', 'radius.restricted_mode')`,
  );
  const [tenant] = await db.execute<{ timezone: string }>(sql`select timezone from tenants where id = ${input.tenantId}`);
  return radiusSettingsFrom(rows, tenant?.timezone);
}

/** A tenant's settings rows (any of RADIUS_SETTING_KEYS) with the defaults filled in. */
export function radiusSettingsFrom(rows: readonly { key: string; value: unknown }[], timeZone?: string): RadiusSettings {
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const interim = Number(byKey.get("radius.interim_interval"));
  const restricted = restrictedModeSchema.safeParse(byKey.get("radius.restricted_mode") ?? {});
  return {
    // RFC 2869 §5.16: never below 60 seconds.
    interimIntervalSeconds: Number.isFinite(interim) && interim >= 60 ? Math.round(interim) : DEFAULT_INTERIM_INTERVAL,
    restrictedMode: restricted.success ? restricted.data : restrictedModeSchema.parse({}),
    timeZone,
  };
}
