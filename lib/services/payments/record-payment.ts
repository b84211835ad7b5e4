// Records a payment from a customer. A COMPLETED renewal renews the customer at once (expiry extended
// by the package validity, status ACTIVE: RADIUS admits them on their next request) by the rule of
// applyRenewalPayment: an amount below the price needs the staff's shortfall choice, asked for here even
// for a PENDING payment (it is kept and applied on completion). A COMPLETED wallet top-up credits the
// wallet. Receipt numbers are sequential per tenant. One transaction, audited.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, packages, payments, tenants } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { blank, zOptionalText } from "@/lib/services/zod-helpers";
import { moneyField, toMinorUnits } from "@/lib/money";
import { checkShortfall } from "./apply-renewal-payment";
import { shortfallActions } from "./shortfall";
import { applyCompletedPayment, nextReceiptNumber, paymentConstraintMessages, paymentMethodField, type PaymentEffect } from "./payment-fields";
import { isUuid } from "@/lib/ids";
import { getPayment } from "./get-payment";
import type { PaymentRow } from "./payment-fields";

/** The per-field rules (other forms that record a payment pick from them; zod refuses to pick from a refined schema). */
export const recordPaymentFieldsSchema = z.object({
  customerId: z.string({ message: "Choose a customer" }).refine(isUuid, "Choose a customer"),
  packageId: z.preprocess(blank, z.string().refine(isUuid, "Choose a package").optional()),
  purpose: z.preprocess(blank, z.enum(["RENEWAL", "WALLET_TOPUP"], { message: "Choose what the payment is for" }).default("RENEWAL")),
  /** As typed, in the tenant's currency (e.g. 1500 or "1,500.50"); defaults to the package price. */
  amount: z.preprocess(blank, moneyField().optional()),
  /** A renewal paying less than the package price: what the shortfall does (see applyRenewalPayment). */
  shortfallAction: z.preprocess(blank, z.enum(shortfallActions, { message: "Choose what to do with the shortfall" }).optional()),
  method: paymentMethodField,
  status: z.preprocess(blank, z.enum(["PENDING", "COMPLETED"], { message: "Choose COMPLETED or PENDING" }).default("COMPLETED")),
  reference: z.preprocess(
    blank,
    z.string().trim().max(100, "Reference must be at most 100 characters").regex(/^[\w./#:-]+( [\w./#:-]+)*$/, "Reference may use letters, digits, spaces and . / # : - _").optional(),
  ),
  phone: z.preprocess(blank, z.string().trim().regex(/^\+?[0-9 ]{7,16}$/, "Enter a phone number such as 0712 345 678").optional()),
  notes: zOptionalText(500),
});

export const recordPaymentSchema = recordPaymentFieldsSchema.superRefine((v, ctx) => {
  if ((v.method === "MPESA" || v.method === "BANK_TRANSFER") && !v.reference) {
    ctx.addIssue({
      code: "custom",
      path: ["reference"],
      message: v.method === "MPESA" ? "Enter the M-Pesa transaction code" : "Enter the bank reference",
    });
  }
  if (v.purpose === "WALLET_TOPUP" && v.amount === undefined) ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter the top-up amount" });
});
export type RecordPaymentInput = z.output<typeof recordPaymentSchema>;

export type RecordedPayment = PaymentRow & PaymentEffect;

export async function recordPayment(db: Database, input: RecordPaymentInput & { tenantId: string }, actor: Actor): Promise<RecordedPayment> {
  const data = input;
  const { tenantId } = input;
  try {
    return await db.transaction(async (tx) => {
      const [customer] = await tx
        .select({ id: customers.id, name: customers.name, phone: customers.phone, packageId: customers.packageId })
        .from(customers)
        .where(and(eq(customers.tenantId, tenantId), eq(customers.id, data.customerId)))
        .limit(1)
        .for("update");
      if (!customer) throw new AppError("NOT_FOUND", "Customer not found", { fieldErrors: { customerId: ["Choose a customer"] } });

      const packageId = data.packageId ?? customer.packageId;
      let pkg: { id: string; name: string; price: number } | undefined;
      if (packageId) {
        [pkg] = await tx
          .select({ id: packages.id, name: packages.name, price: packages.price })
          .from(packages)
          .where(and(eq(packages.tenantId, tenantId), eq(packages.id, packageId)))
          .limit(1);
        if (!pkg) throw new AppError("NOT_FOUND", "Package not found", { fieldErrors: { packageId: ["Choose a package"] } });
      }
      if (data.purpose === "RENEWAL" && !pkg) {
        throw new AppError("INVALID_INPUT", "Choose the package this payment renews", { fieldErrors: { packageId: ["Choose a package to renew"] } });
      }
      const [tenant] = await tx.select({ currency: tenants.currency }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
      if (!tenant) throw notFound("Tenant");
      const amount = data.amount !== undefined ? toMinorUnits(data.amount, tenant.currency) : pkg!.price;
      const shortfall =
        data.purpose === "RENEWAL" ? checkShortfall({ amount, price: pkg!.price, packageName: pkg!.name, currency: tenant.currency, action: data.shortfallAction }) : 0;

      const completed = data.status === "COMPLETED";
      const receiptNumber = completed ? await nextReceiptNumber(tx, tenantId) : null;
      const now = new Date();
      const [row] = await tx
        .insert(payments)
        .values({
          tenantId,
          customerId: customer.id,
          packageId: pkg?.id ?? null,
          amount,
          currency: tenant.currency,
          method: data.method,
          status: data.status,
          purpose: data.purpose,
          shortfallAction: shortfall > 0 ? data.shortfallAction : null,
          reference: data.reference ?? null,
          phone: data.phone ?? customer.phone ?? null,
          notes: data.notes ?? null,
          receiptNumber,
          recordedByUserId: actor.userId ?? null,
          paidAt: completed ? now : null,
        })
        .returning();
      const effect = completed ? await applyCompletedPayment(tx, { ...row, tenantId }, actor) : {};
      await recordAudit(tx, {
        tenantId,
        actor,
        action: "payment.record",
        targetType: "payment",
        targetId: row.id,
        after: {
          receiptNumber,
          customer: customer.name,
          package: pkg?.name ?? null,
          amount,
          currency: tenant.currency,
          method: row.method,
          status: row.status,
          purpose: row.purpose,
          reference: row.reference,
          ...(shortfall > 0 ? { shortfall, shortfallAction: row.shortfallAction } : {}),
          ...effect,
        },
      });
      const view = await getPayment(tx, { tenantId, id: row.id });
      return { ...view, ...effect };
    });
  } catch (e) {
    mapDbError(e, paymentConstraintMessages);
  }
}
