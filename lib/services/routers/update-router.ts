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
import { generateRouterSecret, optionalBool, routerColumns, routerConstraintMessages, routerFieldsSchema, toRouterView, type RouterView } from "./router-fields";

/** Only the fields given change; a blank secret or API password keeps the current one, "" clears a text. */
export const updateRouterSchema = routerFieldsSchema.partial().extend({
  /** Replace the secret with a freshly generated one. */
  regenerateSecret: optionalBool,
});
export type UpdateRouterInput = z.output<typeof updateRouterSchema>;

export async function updateRouter(db: Database, input: UpdateRouterInput & { tenantId: string; id: string }, actor: Actor): Promise<RouterView> {
  if (!isUuid(input.id)) throw notFound("Router");
  const { tenantId, id, secret, regenerateSecret, ...fields } = input;
  const where = and(eq(routers.tenantId, tenantId), eq(routers.id, id));
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(routers).where(where).limit(1).for("update");
      if (!before) throw notFound("Router");
      const patch: Partial<NewRouter> = { ...routerColumns(fields), updatedAt: new Date() };
      let secretChanged = false;
      if (secret !== undefined) {
        patch.secretSealed = sealSecret("nas-secret", secret);
        secretChanged = true;
      } else if (regenerateSecret) {
        patch.secretSealed = sealSecret("nas-secret", generateRouterSecret());
        secretChanged = true;
      }
      const [row] = await tx.update(routers).set(patch).where(where).returning();
      const after = toRouterView(row);
      await recordAudit(tx, {
        tenantId,
        actor,
        action: "nas.update",
        targetType: "nas",
        targetId: row.id,
        before: toRouterView(before),
        after: { ...after, secretChanged },
      });
      await notifyRoutersChanged(tx, { tenantId, routerId: row.id });
      return after;
    });
  } catch (e) {
    mapDbError(e, routerConstraintMessages);
  }
}
