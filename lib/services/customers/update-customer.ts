// Changes a customer. The given fields (parsed at the edge, each on its own) are merged over the current
// ones and the cross-field rules checked on the result; a blank password keeps the current one. A new
// status goes through setCustomersStatus, as the bulk actions do (same audit action, same guarded
// disconnect); a new package reaches live sessions by CoA, as the change-package action does; the wallet
// cannot be set here at all.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, packages, type NewCustomer } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { checkCustomerRefs } from "./check-customer-refs";
import { checkCustomerRules, customerColumns, customerConstraintMessages, customerFieldsSchema, toCustomerView, type CustomerView } from "./customer-fields";
import { setCustomersStatus } from "./set-customers-status";
import { isUuid } from "@/lib/ids";
import { rateLimitOf } from "@/lib/services/packages/package-fields";
import { requestRateChange } from "@/lib/services/sessions/request-rate-change";

/** Any subset of the fields; the cross-field rules hold for the merged customer (checkCustomerRules). */
export const updateCustomerSchema = customerFieldsSchema.partial();
export type UpdateCustomerInput = z.output<typeof updateCustomerSchema>;

export async function updateCustomer(db: Database, input: UpdateCustomerInput & { tenantId: string; id: string }, actor: Actor): Promise<CustomerView> {
  if (!isUuid(input.id)) throw notFound("Customer");
  const where = and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.id));
  try {
    const result = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(customers).where(where).limit(1).for("update");
      if (!before) throw notFound("Customer");
      const current = {
        type: before.type,
        name: before.name,
        phone: before.phone,
        email: before.email,
        username: before.username,
        packageId: before.packageId,
        expiresAt: before.expiresAt,
        status: before.status,
        macAddress: before.macAddress,
        staticIp: before.staticIp,
        ipPoolId: before.ipPoolId,
        latitude: before.latitude,
        longitude: before.longitude,
        address: before.address,
        notes: before.notes,
        autoRenew: before.autoRenew,
      };
      const { tenantId: _t, id: _id, walletBalance: _w, ...fields } = input;
      const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<UpdateCustomerInput, "walletBalance">;
      const data = { ...current, password: undefined, ...given };
      checkCustomerRules(data);
      await checkCustomerRefs(tx, input.tenantId, { type: data.type, packageId: data.packageId, ipPoolId: data.ipPoolId, currentPackageId: before.packageId });
      const patch: Partial<NewCustomer> = {
        ...customerColumns(data),
        expiresAt: data.expiresAt ?? null,
        autoRenew: data.autoRenew ?? before.autoRenew,
        updatedAt: new Date(),
      };
      if (data.password !== undefined) patch.passwordSealed = sealSecret("customer-password", data.password);
      let [row] = await tx.update(customers).set(patch).where(where).returning();
      if (data.status && data.status !== before.status) {
        await setCustomersStatus(tx, { tenantId: input.tenantId, ids: [row.id], status: data.status }, actor);
        [row] = await tx.select().from(customers).where(where).limit(1);
      }
      // Before: the edit form changed the package but the live session kept the old speed until it reconnected.
      if (row.packageId && row.packageId !== before.packageId && row.status === "ACTIVE") {
        const [pkg] = await tx.select().from(packages).where(and(eq(packages.tenantId, input.tenantId), eq(packages.id, row.packageId))).limit(1);
        const rateLimit = pkg ? rateLimitOf(pkg) : "";
        if (rateLimit) await requestRateChange(tx, { tenantId: input.tenantId, customerId: row.id, rateLimit });
      }
      const view = toCustomerView(row);
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor,
        action: "customer.update",
        targetType: "customer",
        targetId: row.id,
        before: toCustomerView(before),
        after: { ...view, passwordChanged: data.password !== undefined },
      });
      return view;
    });
    return result;
  } catch (e) {
    mapDbError(e, customerConstraintMessages);
  }
}
