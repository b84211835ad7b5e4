// Changes a router's settings; a blank secret keeps the current one. RADIUS picks the change up by NOTIFY.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { nas, type NewNas } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { notifyNasChanged } from "@/lib/services/radius/notify-nas-changed";
import { isUuid } from "@/lib/ids";
import {
  clearableText,
  generateNasSecret,
  latitudeField,
  longitudeField,
  nasConstraintMessages,
  nasIpField,
  nasNameField,
  nasSecretField,
  nasTypeField,
  optionalBool,
  optionalPort,
  optionalText,
  toNasView,
  type NasView,
} from "./nas-fields";

export const updateNasSchema = z.object({
  name: nasNameField.optional(),
  ipAddress: nasIpField.optional(),
  /** Blank or omitted keeps the current secret. */
  secret: nasSecretField,
  /** Replace the secret with a freshly generated one. */
  regenerateSecret: optionalBool,
  type: nasTypeField.optional(),
  routerOsVersion: clearableText(40, "RouterOS version"),
  coaPort: optionalPort("CoA port"),
  requireMessageAuthenticator: optionalBool,
  location: clearableText(200, "Location"),
  latitude: latitudeField,
  longitude: longitudeField,
  apiUsername: clearableText(80, "API username"),
  /** Blank or omitted keeps the current password. */
  apiPassword: optionalText(200, "API password"),
  apiPort: optionalPort("API port"),
  apiTls: optionalBool,
});
export type UpdateNasInput = z.input<typeof updateNasSchema>;

export async function updateNas(db: Database, input: UpdateNasInput & { tenantId: string; id: string }, actor: Actor): Promise<NasView> {
  if (!isUuid(input.id)) throw notFound("Router");
  const data = updateNasSchema.parse(input);
  const where = and(eq(nas.tenantId, input.tenantId), eq(nas.id, input.id));
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(nas).where(where).limit(1).for("update");
      if (!before) throw notFound("Router");
      const patch: Partial<NewNas> = { updatedAt: new Date() };
      if (data.name !== undefined) patch.name = data.name;
      if (data.ipAddress !== undefined) patch.ipAddress = data.ipAddress;
      if (data.type !== undefined) patch.type = data.type;
      if (data.routerOsVersion !== undefined) patch.routerOsVersion = data.routerOsVersion;
      if (data.coaPort !== undefined) patch.coaPort = data.coaPort;
      if (data.requireMessageAuthenticator !== undefined) patch.requireMessageAuthenticator = data.requireMessageAuthenticator;
      if (data.location !== undefined) patch.location = data.location;
      if (data.latitude !== undefined) patch.latitude = data.latitude;
      if (data.longitude !== undefined) patch.longitude = data.longitude;
      if (data.apiUsername !== undefined) patch.apiUsername = data.apiUsername;
      if (data.apiPassword !== undefined) patch.apiPasswordSealed = sealSecret("nas-api-password", data.apiPassword);
      if (data.apiPort !== undefined) patch.apiPort = data.apiPort;
      if (data.apiTls !== undefined) patch.apiTls = data.apiTls;
      let secretChanged = false;
      if (data.secret !== undefined) {
        patch.secretSealed = sealSecret("nas-secret", data.secret);
        secretChanged = true;
      } else if (data.regenerateSecret) {
        patch.secretSealed = sealSecret("nas-secret", generateNasSecret());
        secretChanged = true;
      }
      const [row] = await tx.update(nas).set(patch).where(where).returning();
      const after = toNasView(row);
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor,
        action: "nas.update",
        targetType: "nas",
        targetId: row.id,
        before: toNasView(before),
        after: { ...after, secretChanged },
      });
      await notifyNasChanged(tx, { tenantId: input.tenantId, nasId: row.id });
      return after;
    });
  } catch (e) {
    mapDbError(e, nasConstraintMessages);
  }
}
