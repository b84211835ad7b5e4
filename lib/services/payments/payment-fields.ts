// Shared payment pieces: enums, constraint messages, the list/detail row and how a completed payment
// takes effect (renewal or wallet top-up).
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, customers as c, packages, payments } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/services/audit/record-audit";
import { renewCustomer } from "@/lib/services/customers/renew-customer";
import { PAYMENT_METHODS, PAYMENT_PURPOSES, PAYMENT_STATUSES } from "@/lib/db/enums";

export const paymentMethods = PAYMENT_METHODS;
export const paymentStatuses = PAYMENT_STATUSES;
export const paymentPurposes = PAYMENT_PURPOSES;
export type PaymentMethod = (typeof paymentMethods)[number];
export type PaymentStatus = (typeof paymentStatuses)[number];
export type PaymentPurpose = (typeof paymentPurposes)[number];

export const methodLabels: Record<PaymentMethod, string> = {
  CASH: "Cash",
  MPESA: "M-Pesa",
  BANK_TRANSFER: "Bank transfer",
  CARD: "Card",
  OTHER: "Other",
};
export const purposeLabels: Record<PaymentPurpose, string> = { RENEWAL: "Renewal", WALLET_TOPUP: "Wallet top-up", VOUCHER: "Voucher" };

export const paymentMethodField = z.enum(paymentMethods, { message: "Choose a payment method" });

export const paymentConstraintMessages = {
  payments_tenant_reference_key: ["reference", "A payment with this reference is already recorded"],
  payments_tenant_receipt_key: ["receiptNumber", "This receipt number is already used: try again"],
} as const satisfies Record<string, [string, string]>;

/** What lists, the detail and REST return: the payment with its customer and package names. */
export const paymentRowFields = {
  id: payments.id,
  receiptNumber: payments.receiptNumber,
  amount: payments.amount,
  currency: payments.currency,
  method: payments.method,
  status: payments.status,
  purpose: payments.purpose,
  reference: payments.reference,
  phone: payments.phone,
  notes: payments.notes,
  paidAt: payments.paidAt,
  createdAt: payments.createdAt,
  customerId: payments.customerId,
  customerName: c.name,
  customerUsername: c.username,
  packageId: payments.packageId,
  packageName: packages.name,
};

export interface PaymentRow {
  id: string;
  receiptNumber: number | null;
  amount: number;
  currency: string;
  method: PaymentMethod;
  status: PaymentStatus;
  purpose: PaymentPurpose;
  reference: string | null;
  phone: string | null;
  notes: string | null;
  paidAt: Date | null;
  createdAt: Date;
  customerId: string | null;
  customerName: string | null;
  customerUsername: string | null;
  packageId: string | null;
  packageName: string | null;
}

export function selectPaymentRows(db: Database) {
  return db
    .select(paymentRowFields)
    .from(payments)
    .leftJoin(c, and(eq(c.id, payments.customerId), eq(c.tenantId, payments.tenantId)))
    .leftJoin(packages, and(eq(packages.id, payments.packageId), eq(packages.tenantId, payments.tenantId)));
}

/**
 * The next receipt number of the tenant. A transaction-scoped advisory lock per tenant serialises
 * allocations, so concurrent payments get consecutive numbers and never the same one.
 */
export async function nextReceiptNumber(db: Database, tenantId: string): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`receipt:${tenantId}`}, 0))`);
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${payments.receiptNumber}), 0)::int + 1` })
    .from(payments)
    .where(eq(payments.tenantId, tenantId));
  return Number(row.n);
}

export interface PaymentEffect {
  /** For renewals: the customer's expiry after this payment. */
  newExpiresAt?: Date | null;
  /** For wallet top-ups and refunds: the balance after. */
  walletBalance?: number;
}

/** Applies a payment that just became COMPLETED: renew the customer, or credit the wallet. */
export async function applyCompletedPayment(
  db: Database,
  p: { tenantId: string; customerId: string | null; packageId: string | null; purpose: PaymentPurpose; amount: number },
  actor: Actor,
): Promise<PaymentEffect> {
  if (!p.customerId) return {};
  if (p.purpose === "RENEWAL") {
    const renewed = await renewCustomer(db, { tenantId: p.tenantId, customerId: p.customerId, packageId: p.packageId ?? undefined }, actor);
    return { newExpiresAt: renewed.expiresAt };
  }
  if (p.purpose === "WALLET_TOPUP") {
    const [row] = await db
      .update(customers)
      .set({ walletBalance: sql`${customers.walletBalance} + ${p.amount}` })
      .where(and(eq(customers.tenantId, p.tenantId), eq(customers.id, p.customerId)))
      .returning({ walletBalance: customers.walletBalance });
    if (!row) throw notFound("Customer");
    return { walletBalance: row.walletBalance };
  }
  return {};
}

/** Reverses a wallet top-up being refunded; refuses when the money has already been spent. */
export async function reverseWalletTopup(db: Database, p: { tenantId: string; customerId: string | null; amount: number; currency: string }): Promise<PaymentEffect> {
  if (!p.customerId) return {};
  const [row] = await db
    .update(customers)
    .set({ walletBalance: sql`${customers.walletBalance} - ${p.amount}` })
    .where(and(eq(customers.tenantId, p.tenantId), eq(customers.id, p.customerId), sql`${customers.walletBalance} >= ${p.amount}`))
    .returning({ walletBalance: customers.walletBalance });
  if (!row) {
    throw new AppError("CONFLICT", "The customer's wallet holds less than this top-up (it has been spent), so it cannot be reversed");
  }
  return { walletBalance: row.walletBalance };
}
