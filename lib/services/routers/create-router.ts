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
  latitudeField,
  longitudeField,
  routerConstraintMessages,
  routerIpField,
  routerNameField,
  routerSecretField,
  routerTypeField,
  TRIAL_ROUTER_LIMIT,
  optionalBool,
  optionalPort,
  optionalText,
  toRouterView,
  type RouterView,
} from "./router-fields";

export const createRouterSchema = z.object({
  name: routerNameField,
  ipAddress: routerIpField,
  /** Omitted or blank: a strong random secret is generated. */
  secret: routerSecretField,
  type: routerTypeField.default("MIKROTIK"),
  routerOsVersion: optionalText(40, "RouterOS version"),
  coaPort: optionalPort("CoA port").transform((v) => v ?? 3799),
  requireMessageAuthenticator: optionalBool.transform((v) => v ?? true),
  location: optionalText(200, "Location"),
  latitude: latitudeField,
  longitude: longitudeField,
  apiUsername: optionalText(80, "API username"),
  apiPassword: optionalText(200, "API password"),
  apiPort: optionalPort("API port"),
  apiTls: optionalBool.transform((v) => v ?? false),
});
export type CreateRouterInput = z.input<typeof createRouterSchema>;

export async function createRouter(db: Database, input: CreateRouterInput & { tenantId: string }, actor: Actor): Promise<RouterView> {
  const data = createRouterSchema.parse(input);
  const secret = data.secret ?? generateRouterSecret();
  try {
    return await db.transaction(async (tx) => {
      await assertRouterAllowance(tx, input.tenantId);
      const [row] = await tx
        .insert(routers)
        .values({
          tenantId: input.tenantId,
          name: data.name,
          ipAddress: data.ipAddress,
          secretSealed: sealSecret("nas-secret", secret),
          type: data.type,
          routerOsVersion: data.routerOsVersion ?? null,
          coaPort: data.coaPort,
          requireMessageAuthenticator: data.requireMessageAuthenticator,
          location: data.location ?? null,
          latitude: data.latitude ?? null,
          longitude: data.longitude ?? null,
          apiUsername: data.apiUsername ?? null,
          apiPasswordSealed: data.apiPassword ? sealSecret("nas-api-password", data.apiPassword) : null,
          apiPort: data.apiPort ?? null,
          apiTls: data.apiTls,
        })
        .returning();
      const view = toRouterView(row);
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor,
        action: "nas.create",
        targetType: "nas",
        targetId: row.id,
        after: { ...view, secretGenerated: data.secret === undefined },
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
