// Registers a router: its source IP picks the tenant and the sealed shared secret for RADIUS.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { count, eq, sql } from "drizzle-orm";
import { routers, tenants } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { sealSecret } from "@/lib/crypto";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { notifyRoutersChanged } from "@/lib/services/radius/notify-routers-changed";
import {
  generateRouterSecret,
  optionalBool,
  routerColumns,
  routerConstraintMessages,
  routerFieldsSchema,
  routerTypeField,
  TRIAL_ROUTER_LIMIT,
  toRouterView,
  type RouterView,
} from "./router-fields";

/** A new router: a name and an address, the rest optional with the defaults below. */
export const createRouterSchema = routerFieldsSchema.extend({
  type: routerTypeField.default("MIKROTIK"),
  coaPort: routerFieldsSchema.shape.coaPort.transform((v) => v ?? 3799),
  requireMessageAuthenticator: optionalBool.transform((v) => v ?? true),
  apiTls: optionalBool.transform((v) => v ?? false),
});
export type CreateRouterInput = z.output<typeof createRouterSchema>;

export async function createRouter(db: Database, input: CreateRouterInput & { tenantId: string }, actor: Actor): Promise<RouterView> {
  const secret = input.secret ?? generateRouterSecret();
  try {
    return await db.transaction(async (tx) => {
      await assertRouterAllowance(tx, input.tenantId);
      const [row] = await tx
        .insert(routers)
        .values({ ...routerColumns(input), tenantId: input.tenantId, name: input.name, ipAddress: input.ipAddress, secretSealed: sealSecret("nas-secret", secret) })
        .returning();
      const view = toRouterView(row);
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor,
        action: "nas.create",
        targetType: "nas",
        targetId: row.id,
        after: { ...view, secretGenerated: input.secret === undefined },
      });
      await notifyRoutersChanged(tx, { tenantId: input.tenantId, routerId: row.id });
      return view;
    });
  } catch (e) {
    mapDbError(e, routerConstraintMessages);
  }
}

/** A trial tenant may register TRIAL_ROUTER_LIMIT routers; the lock makes concurrent creates count in turn. */
async function assertRouterAllowance(tx: Database, tenantId: string): Promise<void> {
  const [tenant] = await tx.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (tenant?.status !== "TRIAL") return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`routers:${tenantId}`}, 0))`);
  const [{ n }] = await tx.select({ n: count() }).from(routers).where(eq(routers.tenantId, tenantId));
  if (n >= TRIAL_ROUTER_LIMIT) {
    throw new AppError("FORBIDDEN", `An account on trial can register at most ${TRIAL_ROUTER_LIMIT} routers. Ask the platform operator to activate the account to add more.`, {
      reason: "TRIAL_ROUTER_LIMIT",
    });
  }
}
