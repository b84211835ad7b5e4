// Changes a customer. Given fields are merged over the current ones and the whole is validated again;
// a blank password keeps the current one. Leaving ACTIVE cuts live sessions off.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, type NewCustomer } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { requestCustomerDisconnect } from "@/lib/services/sessions/request-customer-disconnect";
import { checkCustomerRefs } from "./check-customer-refs";
import { customerConstraintMessages, customerSchema, toCustomerView, type CustomerView } from "./customer-fields";
import { isUuid } from "@/lib/ids";

export const updateCustomerSchema = customerSchema;
export type UpdateCustomerInput = Record<string, unknown>;

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
        walletBalance: before.walletBalance / 100,
        autoRenew: before.autoRenew,
      };
      const given = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== "tenantId" && k !== "id"));
      const data = updateCustomerSchema.parse({ ...current, ...given });
      await checkCustomerRefs(tx, input.tenantId, { type: data.type, packageId: data.packageId, ipPoolId: data.ipPoolId, currentPackageId: before.packageId });
      const patch: Partial<NewCustomer> = {
        type: data.type,
        name: data.name,
        phone: data.phone ?? null,
        email: data.email ?? null,
        username: data.username,
        packageId: data.packageId ?? null,
        expiresAt: data.expiresAt ?? null,
        status: data.status ?? before.status,
        macAddress: data.macAddress ?? null,
        staticIp: data.staticIp ?? null,
        ipPoolId: data.ipPoolId ?? null,
        latitude: data.latitude ?? null,
        longitude: data.longitude ?? null,
        address: data.address ?? null,
        notes: data.notes ?? null,
        walletBalance: Math.round((data.walletBalance ?? 0) * 100),
        autoRenew: data.autoRenew ?? before.autoRenew,
        updatedAt: new Date(),
      };
      if (data.password !== undefined) patch.passwordSealed = sealSecret("customer-password", data.password);
      const [row] = await tx.update(customers).set(patch).where(where).returning();
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
      return { view, cutOff: before.status === "ACTIVE" && row.status !== "ACTIVE" };
    });
    if (result.cutOff) await requestCustomerDisconnect(db, { tenantId: input.tenantId, customerId: input.id, reason: `status ${result.view.status}` });
    return result.view;
  } catch (e) {
    mapDbError(e, customerConstraintMessages);
  }
}
