// Deletes an empty pool. A pool with addresses handed out is refused: release them first.
import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, ipAssignments, ipPools } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { isUuid } from "@/lib/ids";

export async function deleteIpPool(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ id: string }> {
  if (!isUuid(input.id)) throw notFound("IP pool");
  return db.transaction(async (tx) => {
    const [pool] = await tx
      .select()
      .from(ipPools)
      .where(and(eq(ipPools.tenantId, input.tenantId), eq(ipPools.id, input.id)))
      .limit(1)
      .for("update");
    if (!pool) throw notFound("IP pool");
    const [{ n }] = await tx
      .select({ n: count() })
      .from(ipAssignments)
      .where(and(eq(ipAssignments.tenantId, input.tenantId), eq(ipAssignments.poolId, pool.id)));
    if (n > 0) throw new AppError("CONFLICT", `${pool.name} has ${n} assigned address${n === 1 ? "" : "es"}: release them before deleting the pool`);
    const [{ users }] = await tx
      .select({ users: count() })
      .from(customers)
      .where(and(eq(customers.tenantId, input.tenantId), eq(customers.ipPoolId, pool.id)));
    if (users > 0) throw new AppError("CONFLICT", `${users} customer${users === 1 ? " uses" : "s use"} ${pool.name}: move them to another pool first`);
    await tx.delete(ipPools).where(and(eq(ipPools.tenantId, input.tenantId), eq(ipPools.id, pool.id)));
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "ip-pool.delete", targetType: "ip_pool", targetId: pool.id, before: pool });
    return { id: pool.id };
  });
}
