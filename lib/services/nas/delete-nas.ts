// Removes a router; its open sessions go with it (cascade) and RADIUS stops answering its address.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { nas } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { notifyNasChanged } from "@/lib/services/radius/notify-nas-changed";
import { isUuid } from "@/lib/ids";
import { toNasView } from "./nas-fields";

export async function deleteNas(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ id: string }> {
  if (!isUuid(input.id)) throw notFound("Router");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(nas)
      .where(and(eq(nas.tenantId, input.tenantId), eq(nas.id, input.id)))
      .returning();
    if (!row) throw notFound("Router");
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "nas.delete", targetType: "nas", targetId: row.id, before: toNasView(row) });
    await notifyNasChanged(tx, { tenantId: input.tenantId, nasId: row.id });
    return { id: row.id };
  });
}
