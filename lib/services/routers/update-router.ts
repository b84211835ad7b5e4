// Changes a router's settings; a blank secret keeps the current one. RADIUS picks the change up by NOTIFY.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { routers, type NewRouter } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { notifyRoutersChanged } from "@/lib/services/radius/notify-routers-changed";
import { isUuid } from "@/lib/ids";
import {
  clearableText,
  generateRouterSecret,
  latitudeField,
  longitudeField,
  routerConstraintMessages,
  routerIpField,
  routerNameField,
  routerSecretField,
  routerTypeField,
  optionalBool,
  optionalPort,
  optionalText,
  toRouterView,
  type RouterView,
} from "./router-fields";

export const updateRouterSchema = z.object({
  name: routerNameField.optional(),
  ipAddress: routerIpField.optional(),
  /** Blank or omitted keeps the current secret. */
  secret: routerSecretField,
  /** Replace the secret with a freshly generated one. */
  regenerateSecret: optionalBool,
  type: routerTypeField.optional(),
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
export type UpdateRouterInput = z.input<typeof updateRouterSchema>;

export async function updateRouter(db: Database, input: UpdateRouterInput & { tenantId: string; id: string }, actor: Actor): Promise<RouterView> {
  if (!isUuid(input.id)) throw notFound("Router");
  const data = updateRouterSchema.parse(input);
  const where = and(eq(routers.tenantId, input.tenantId), eq(routers.id, input.id));
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(routers).where(where).limit(1).for("update");
      if (!before) throw notFound("Router");
      const patch: Partial<NewRouter> = { updatedAt: new Date() };
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
        patch.secretSealed = sealSecret("nas-secret", generateRouterSecret());
        secretChanged = true;
      }
      const [row] = await tx.update(routers).set(patch).where(where).returning();
      const after = toRouterView(row);
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor,
        action: "nas.update",
        targetType: "nas",
        targetId: row.id,
        before: toRouterView(before),
        after: { ...after, secretChanged },
      });
      await notifyRoutersChanged(tx, { tenantId: input.tenantId, routerId: row.id });
      return after;
    });
  } catch (e) {
    mapDbError(e, routerConstraintMessages);
  }
}
