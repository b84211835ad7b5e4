// Removes a router; its open sessions go with it (cascade) and RADIUS stops answering its address.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { routers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { notifyRoutersChanged } from "@/lib/services/radius/notify-routers-changed";
import { isUuid } from "@/lib/ids";
import { toRouterView } from "./router-fields";

export async function deleteRouter(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ id: string }> {
  if (!isUuid(input.id)) throw notFound("Router");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(routers)
      .where(and(eq(routers.tenantId, input.tenantId), eq(routers.id, input.id)))
      .returning();
    if (!row) throw notFound("Router");
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "nas.delete", targetType: "nas", targetId: row.id, before: toRouterView(row) });
    await notifyRoutersChanged(tx, { tenantId: input.tenantId, routerId: row.id });
    return { id: row.id };
  });
}
