// The one way to read and write settings: getSettings/updateSettings over the registry. Tenant keys need
// a tenantId (and are stored per tenant under row-level security); installation keys take none.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/lib/db/client";
import { installationSettings, settings } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { SETTINGS, type InstallationSettingKey, type SettingKey, type SettingValue, type TenantSettingKey } from "./registry";

export * from "./registry";

type Values<K extends SettingKey> = { [P in K]: SettingValue<P> };
type Scoped<K extends SettingKey> = [K] extends [InstallationSettingKey] ? { tenantId?: null } : { tenantId: string };

function scopeOf(keys: readonly SettingKey[], tenantId: string | null | undefined): "tenant" | "installation" {
  const scopes = new Set(keys.map((k) => SETTINGS[k].scope));
  if (scopes.size > 1) throw new Error("settings: tenant and installation keys cannot be read or written together");
  const scope = [...scopes][0] ?? "tenant";
  if (scope === "tenant" && !tenantId) throw new Error("settings: tenant settings need a tenantId");
  return scope;
}

/**
 * A stored value as the registry types it: the default when absent or when it no longer fits its schema
 * (logged, never thrown). Exported for the one hot path that joins the settings row itself (sign-in context).
 */
export function readValue<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  if (stored === undefined) return SETTINGS[key].default as SettingValue<K>;
  const parsed = (SETTINGS[key].schema as z.ZodType).safeParse(stored);
  if (parsed.success) return parsed.data as SettingValue<K>;
  logger.warn({ component: "settings", key }, "stored setting does not match its schema; using the default");
  return SETTINGS[key].default as SettingValue<K>;
}

async function storedValues(db: Database, keys: readonly SettingKey[], tenantId: string | null | undefined): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows =
    scopeOf(keys, tenantId) === "tenant"
      ? await db.select({ key: settings.key, value: settings.value }).from(settings).where(and(eq(settings.tenantId, tenantId!), inArray(settings.key, [...keys])))
      : await db.select({ key: installationSettings.key, value: installationSettings.value }).from(installationSettings).where(inArray(installationSettings.key, [...keys]));
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function getSettings<K extends SettingKey>(db: Database, input: { keys: readonly K[] } & Scoped<K>): Promise<Values<K>> {
  const stored = await storedValues(db, input.keys, input.tenantId);
  return Object.fromEntries(input.keys.map((k) => [k, readValue(k, stored.get(k))])) as Values<K>;
}

export async function getSetting<K extends SettingKey>(db: Database, input: { key: K } & Scoped<K>): Promise<SettingValue<K>> {
  const values = await getSettings(db, { keys: [input.key], tenantId: input.tenantId } as { keys: K[] } & Scoped<K>);
  return values[input.key];
}

/**
 * Validates every value with its schema (all field errors at once, named by key), writes them in one
 * statement per key and records one audit entry with before and after. Returns the stored values.
 */
export async function updateSettings<K extends SettingKey>(
  db: Database,
  input: { values: { [P in K]?: unknown } } & Scoped<K>,
  actor: Actor,
): Promise<Partial<Values<K>>> {
  const keys = Object.keys(input.values) as K[];
  for (const k of keys) if (!(k in SETTINGS)) throw new AppError("INVALID_INPUT", `Unknown setting ${k}`, { fieldErrors: { [k]: ["Unknown setting"] } });
  const scope = scopeOf(keys, input.tenantId);
  const fieldErrors: Record<string, string[]> = {};
  const next: Record<string, unknown> = {};
  for (const k of keys) {
    const parsed = (SETTINGS[k].schema as z.ZodType).safeParse(input.values[k]);
    if (parsed.success) next[k] = parsed.data;
    else fieldErrors[k] = parsed.error.issues.map((i) => i.message);
  }
  if (Object.keys(fieldErrors).length) throw new AppError("INVALID_INPUT", "Some settings are not valid", { fieldErrors });
  const stored = await storedValues(db, keys, input.tenantId);
  const before = Object.fromEntries(keys.map((k) => [k, readValue(k, stored.get(k))]));
  for (const k of keys) {
    // jsonb holds null as a JSON value; the default (also null) reads the same.
    const value = sql`${JSON.stringify(next[k] ?? null)}::jsonb`;
    if (scope === "tenant") {
      await db
        .insert(settings)
        .values({ tenantId: input.tenantId!, key: k, value })
        .onConflictDoUpdate({ target: [settings.tenantId, settings.key], set: { value, updatedAt: sql`now()` } });
    } else {
      await db
        .insert(installationSettings)
        .values({ key: k, value })
        .onConflictDoUpdate({ target: installationSettings.key, set: { value, updatedAt: sql`now()` } });
    }
  }
  await recordAudit(db, {
    tenantId: scope === "tenant" ? input.tenantId! : null,
    actor,
    action: scope === "tenant" ? "settings.update" : "installation_settings.update",
    targetType: "settings",
    targetId: scope === "tenant" ? input.tenantId! : null,
    before,
    after: next,
  });
  return next as Partial<Values<K>>;
}

export type { TenantSettingKey, InstallationSettingKey };
