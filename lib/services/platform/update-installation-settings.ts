// The platform operator sets what routers and hotspot users need to reach this installation: the RADIUS
// address for router scripts and the public portal URL (installation settings, lib/settings).
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/services/audit/record-audit";
import { getSettings, updateSettings } from "@/lib/settings";

export const updateInstallationSettingsSchema = z.object({
  radiusAddress: z.string().trim(),
  portalUrl: z.string().trim(),
});
export type UpdateInstallationSettingsInput = z.output<typeof updateInstallationSettingsSchema>;

const FIELD = { "routers.radius_address": "radiusAddress", "portal.public_url": "portalUrl" } as const;

export interface InstallationSettings {
  radiusAddress: string | null;
  portalUrl: string | null;
}

export async function getInstallationSettings(db: Database): Promise<InstallationSettings> {
  const s = await getSettings(db, { keys: ["routers.radius_address", "portal.public_url"] });
  return { radiusAddress: s["routers.radius_address"], portalUrl: s["portal.public_url"] };
}

export async function updateInstallationSettings(db: Database, input: UpdateInstallationSettingsInput, actor: Actor): Promise<InstallationSettings> {
  try {
    // Both are required: routers need the first, the portal and voucher cards the second.
    await updateSettings(db, { values: { "routers.radius_address": input.radiusAddress, "portal.public_url": input.portalUrl } }, actor);
  } catch (e) {
    if (!(e instanceof AppError) || !e.details?.fieldErrors) throw e;
    const fieldErrors = Object.fromEntries(Object.entries(e.details.fieldErrors).map(([k, v]) => [FIELD[k as keyof typeof FIELD] ?? k, v]));
    throw new AppError("INVALID_INPUT", e.message, { fieldErrors });
  }
  return getInstallationSettings(db);
}
