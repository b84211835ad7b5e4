// Renews a customer for one or more periods of a package: expiry moves on from max(now, current expiry),
// the customer becomes ACTIVE and the usage period starts afresh. Payments and wallet auto-renew call it.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, packages, type Customer } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { addValidity } from "@/lib/services/packages/validity";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { blank, zUuid } from "@/lib/services/zod-helpers";

export const renewCustomerSchema = z.object({
  customerId: zUuid("customer"),
  /** Omitted: the customer's current package. Given: the customer moves to it. */
  packageId: z.preprocess(blank, zUuid("package").optional()),
  periods: z.coerce.number().int("Periods must be a whole number").min(1, "At least one period").max(36, "At most 36 periods").default(1),
  /** A share of one period (a pro-rata renewal of an underpayment): 0 < portion ≤ 1, with periods = 1. */
  portion: z.number().gt(0).max(1).optional(),
});
/** Typed input; periods defaults to one as in the schema. */
export type RenewCustomerInput = Omit<z.output<typeof renewCustomerSchema>, "periods"> & { periods?: number };

export type RenewedCustomer = Omit<Customer, "passwordSealed">;

export async function renewCustomer(
  db: Database,
  input: RenewCustomerInput & { tenantId: string },
  actor: Actor,
): Promise<RenewedCustomer> {
  const data = { ...input, periods: input.periods ?? 1 };
  const { tenantId } = input;
  const [before] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, data.customerId)))
    .limit(1)
    .for("update");
  if (!before) throw notFound("Customer");
  const packageId = data.packageId ?? before.packageId;
  if (!packageId) {
    throw new AppError("INVALID_INPUT", "Choose a package to renew this customer on", { fieldErrors: { packageId: ["Choose a package"] } });
  }
  const [pkg] = await db
    .select({ id: packages.id, name: packages.name, validityValue: packages.validityValue, validityUnit: packages.validityUnit })
    .from(packages)
    .where(and(eq(packages.tenantId, tenantId), eq(packages.id, packageId)))
    .limit(1);
  if (!pkg) throw notFound("Package");

  const now = new Date();
  const base = before.expiresAt && before.expiresAt > now ? before.expiresAt : now;
  const { timeZone } = await getTenantLocale(db, tenantId);
  const fullEnd = addValidity(base, pkg, timeZone, data.periods);
  // A portion of the period is that share of its real length (a short February month is shorter).
  const expiresAt = data.portion === undefined || data.portion === 1 ? fullEnd : new Date(base.getTime() + Math.round((fullEnd.getTime() - base.getTime()) * data.portion));
  const [row] = await db
    .update(customers)
    .set({
      packageId: pkg.id,
      expiresAt,
      status: "ACTIVE",
      usagePeriodStart: now,
      usedBytes: 0n,
      usedSeconds: 0,
      quotaExceededAt: null,
      updatedAt: now,
    })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, before.id)))
    .returning();
  await recordAudit(db, {
    tenantId,
    actor,
    action: "customer.renew",
    targetType: "customer",
    targetId: row.id,
    before: { status: before.status, expiresAt: before.expiresAt, packageId: before.packageId },
    after: { status: row.status, expiresAt: row.expiresAt, packageId: row.packageId, package: pkg.name, periods: data.periods, ...(data.portion !== undefined ? { portion: data.portion } : {}) },
  });
  const { passwordSealed: _sealed, ...view } = row;
  return view;
}
