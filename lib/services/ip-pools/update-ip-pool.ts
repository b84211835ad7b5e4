// Replaces a pool's settings (PUT). Addresses already handed out must stay inside the new range.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { ipAssignments, ipPools, type IpPool } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { createIpPoolSchema, type CreateIpPoolInput } from "./create-ip-pool";
import { ipv4ToInt as ipToInt } from "@/lib/net/ip";
import { ipPoolColumns, ipPoolConstraintMessages } from "./ip-pool-fields";
import { checkPoolPlacement } from "./ip-pool-writes";
import { isUuid } from "@/lib/ids";

export const updateIpPoolSchema = createIpPoolSchema;
export type UpdateIpPoolInput = CreateIpPoolInput;

export async function updateIpPool(db: Database, input: UpdateIpPoolInput & { tenantId: string; id: string }, actor: Actor): Promise<IpPool> {
  if (!isUuid(input.id)) throw notFound("IP pool");
  const data = input;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(ipPools)
        .where(and(eq(ipPools.tenantId, input.tenantId), eq(ipPools.id, input.id)))
        .limit(1)
        .for("update");
      if (!before) throw notFound("IP pool");
      await checkPoolPlacement(tx, input.tenantId, { ...data, id: before.id });
      const assigned = await tx
        .select({ ip: ipAssignments.ip })
        .from(ipAssignments)
        .where(and(eq(ipAssignments.tenantId, input.tenantId), eq(ipAssignments.poolId, before.id)));
      const s = ipToInt(data.rangeStart);
      const e = ipToInt(data.rangeEnd);
      const outside = assigned.filter((a) => ipToInt(a.ip) < s || ipToInt(a.ip) > e || a.ip === data.gateway);
      if (outside.length) {
        const msg = `${outside.length} assigned address${outside.length === 1 ? "" : "es"} (${outside.slice(0, 3).map((a) => a.ip).join(", ")}${outside.length > 3 ? ", …" : ""}) would fall outside the range`;
        throw new AppError("CONFLICT", msg, { fieldErrors: { rangeStart: [msg] } });
      }
      const [row] = await tx
        .update(ipPools)
        .set({
          ...ipPoolColumns(data),
        })
        .where(and(eq(ipPools.tenantId, input.tenantId), eq(ipPools.id, before.id)))
        .returning();
      await recordAudit(tx, { tenantId: input.tenantId, actor, action: "ip-pool.update", targetType: "ip_pool", targetId: row.id, before, after: row });
      return row;
    });
  } catch (e) {
    mapDbError(e, ipPoolConstraintMessages);
  }
}
