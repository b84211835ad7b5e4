// Reveals a router's RADIUS shared secret to staff who need to paste it into RouterOS; every view is audited.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { routers } from "@/lib/db/schema";
import { openSecret } from "@/lib/crypto";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { isUuid } from "@/lib/ids";

export async function getRouterSecret(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ secret: string }> {
  if (!isUuid(input.id)) throw notFound("Router");
  const [row] = await db
    .select({ id: routers.id, name: routers.name, secretSealed: routers.secretSealed })
    .from(routers)
    .where(and(eq(routers.tenantId, input.tenantId), eq(routers.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Router");
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "nas.secret.view", targetType: "nas", targetId: row.id, after: { name: row.name } });
  return { secret: openSecret("nas-secret", row.secretSealed) };
}
