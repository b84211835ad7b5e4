// Creates a subscriber of any connection type. The password is sealed at rest (CHAP and MS-CHAPv2
// need it in clear) and generated when left empty; a package without an expiry starts one period now.
// The wallet starts empty: money goes in through a payment or a wallet adjustment.
import type { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { addValidity } from "@/lib/services/packages/validity";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { checkCustomerRefs } from "./check-customer-refs";
import { customerColumns, customerConstraintMessages, customerSchema, generateCustomerPassword, toCustomerView, type CustomerView } from "./customer-fields";

export const createCustomerSchema = customerSchema;
export type CreateCustomerInput = z.output<typeof createCustomerSchema>;

export async function createCustomer(
  db: Database,
  input: CreateCustomerInput & { tenantId: string },
  actor: Actor,
): Promise<CustomerView & { generatedPassword?: string }> {
  const data = input;
  const password = data.password ?? generateCustomerPassword();
  try {
    return await db.transaction(async (tx) => {
      const pkg = await checkCustomerRefs(tx, input.tenantId, { type: data.type, packageId: data.packageId, ipPoolId: data.ipPoolId });
      const expiresAt = data.expiresAt !== undefined && data.expiresAt !== null ? data.expiresAt : pkg ? addValidity(new Date(), pkg, (await getTenantLocale(tx, input.tenantId)).timeZone) : null;
      const [row] = await tx
        .insert(customers)
        .values({
          tenantId: input.tenantId,
          ...customerColumns(data),
          passwordSealed: sealSecret("customer-password", password),
          status: data.status ?? "ACTIVE",
          expiresAt,
          autoRenew: data.autoRenew ?? true,
        })
        .returning();
      const view = toCustomerView(row);
      await recordAudit(tx, { tenantId: input.tenantId, actor, action: "customer.create", targetType: "customer", targetId: row.id, after: { ...view, passwordGenerated: !data.password } });
      return data.password ? view : { ...view, generatedPassword: password };
    });
  } catch (e) {
    mapDbError(e, customerConstraintMessages);
  }
}
