// Registers a router (NAS): its source IP picks the tenant and the sealed shared secret for RADIUS.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { count, eq, sql } from "drizzle-orm";
import { nas, tenants } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { sealSecret } from "@/lib/crypto";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { notifyNasChanged } from "@/lib/services/radius/notify-nas-changed";
import {
  generateNasSecret,
  latitudeField,
  longitudeField,
  nasConstraintMessages,
  nasIpField,
  nasNameField,
  nasSecretField,
  nasTypeField,
  TRIAL_ROUTER_LIMIT,
  optionalBool,
  optionalPort,
  optionalText,
  toNasView,
  type NasView,
} from "./nas-fields";

export const createNasSchema = z.object({
  name: nasNameField,
  ipAddress: nasIpField,
  /** Omitted or blank: a strong random secret is generated. */
  secret: nasSecretField,
  type: nasTypeField.default("MIKROTIK"),
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
export type CreateNasInput = z.input<typeof createNasSchema>;

export async function createNas(db: Database, input: CreateNasInput & { tenantId: string }, actor: Actor): Promise<NasView> {
  const data = createNasSchema.parse(input);
  const secret = data.secret ?? generateNasSecret();
  try {
    return await db.transaction(async (tx) => {
      await assertRouterAllowance(tx, input.tenantId);
      const [row] = await tx
        .insert(nas)
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
      const view = toNasView(row);
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor,
        action: "nas.create",
        targetType: "nas",
        targetId: row.id,
        after: { ...view, secretGenerated: data.secret === undefined },
      });
      await notifyNasChanged(tx, { tenantId: input.tenantId, nasId: row.id });
      return view;
    });
  } catch (e) {
    mapDbError(e, nasConstraintMessages);
  }
}

/** A trial tenant may register TRIAL_ROUTER_LIMIT routers; the lock makes concurrent creates count in turn. */
async function assertRouterAllowance(tx: Database, tenantId: string): Promise<void> {
  const [tenant] = await tx.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (tenant?.status !== "TRIAL") return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`nas:${tenantId}`}, 0))`);
  const [{ n }] = await tx.select({ n: count() }).from(nas).where(eq(nas.tenantId, tenantId));
  if (n >= TRIAL_ROUTER_LIMIT) {
    throw new AppError("FORBIDDEN", `An account on trial can register at most ${TRIAL_ROUTER_LIMIT} routers. Ask the platform operator to activate the account to add more.`, {
      reason: "TRIAL_ROUTER_LIMIT",
    });
  }
}
