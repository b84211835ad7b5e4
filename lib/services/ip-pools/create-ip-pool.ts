// Creates an address pool: a CIDR block, the range handed out (computed when omitted), an optional
// gateway and the router or package that uses it. Overlapping ranges in the tenant are refused.
import type { z } from "zod";
import type { Database } from "@/lib/db/client";
import { ipPools, type IpPool } from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { ipPoolBaseSchema, ipPoolColumns, ipPoolConstraintMessages, resolvePoolRange } from "./ip-pool-fields";
import { checkPoolPlacement } from "./ip-pool-writes";

export const createIpPoolSchema = ipPoolBaseSchema
  .superRefine((v, ctx) => {
    resolvePoolRange(v, (path, message) => ctx.addIssue({ code: "custom", path: [path], message }));
  })
  .transform((v) => ({ ...v, ...resolvePoolRange(v, () => undefined)! }));
/** The completed pool: the range is filled in and checked against the block by the schema. */
export type CreateIpPoolInput = z.output<typeof createIpPoolSchema>;

export async function createIpPool(db: Database, input: CreateIpPoolInput & { tenantId: string }, actor: Actor): Promise<IpPool> {
  const data = input;
  try {
    return await db.transaction(async (tx) => {
      await checkPoolPlacement(tx, input.tenantId, data);
      const [row] = await tx
        .insert(ipPools)
        .values({
          tenantId: input.tenantId,
          ...ipPoolColumns(data),
        })
        .returning();
      await recordAudit(tx, { tenantId: input.tenantId, actor, action: "ip-pool.create", targetType: "ip_pool", targetId: row.id, after: row });
      return row;
    });
  } catch (e) {
    mapDbError(e, ipPoolConstraintMessages);
  }
}
