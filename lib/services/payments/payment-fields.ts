// Shared payment pieces: enums, constraint messages, the list/detail row and how a completed payment
// takes effect (renewal or wallet top-up).
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers as c, packages, payments, walletTransactions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/services/audit/record-audit";
import { applyRenewalPayment, type RenewalEffect, type ShortfallAction } from "./apply-renewal-payment";
import { postWalletTransaction } from "@/lib/services/wallet/post-wallet-transaction";
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
  shortfallAction: payments.shortfallAction,
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
  shortfallAction: ShortfallAction | null;
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

/** What a completed payment did: the expiry after a renewal, the wallet balance after a credit, the shortfall. */
export type PaymentEffect = RenewalEffect;

/** Applies a payment that just became COMPLETED: renew the customer, or credit the wallet. */
export async function applyCompletedPayment(
  db: Database,
  p: {
    id: string;
    tenantId: string;
    customerId: string | null;
    packageId: string | null;
    purpose: PaymentPurpose;
    amount: number;
    receiptNumber: number | null;
    reference: string | null;
    shortfallAction: ShortfallAction | null;
  },
  actor: Actor,
): Promise<PaymentEffect> {
  if (!p.customerId) return {};
  if (p.purpose === "RENEWAL") {
    return applyRenewalPayment(
      db,
      { tenantId: p.tenantId, customerId: p.customerId, packageId: p.packageId, paymentId: p.id, amount: p.amount, reference: receiptReference(p), shortfallAction: p.shortfallAction },
      actor,
    );
  }
  if (p.purpose === "WALLET_TOPUP") {
    const tx = await postWalletTransaction(
      db,
      { tenantId: p.tenantId, customerId: p.customerId, kind: "TOPUP", amount: p.amount, reason: "Wallet top-up", reference: receiptReference(p), paymentId: p.id },
      actor,
    );
    return { walletBalance: tx.balanceAfter };
  }
  return {};
}

/** How a wallet row names the payment that caused it: the receipt number, else the external reference. */
export function receiptReference(p: { receiptNumber: number | null; reference: string | null }): string | null {
  return p.receiptNumber ? `Receipt #${p.receiptNumber}` : p.reference;
}

/**
 * Takes back out of the wallet what a payment being refunded put in (a top-up, an underpayment credited
 * there, the part of a renewal paid above the price); refuses when that money has been spent.
 */
export async function reversePaymentCredit(
  db: Database,
  p: { id: string; tenantId: string; customerId: string | null; receiptNumber: number | null; reference: string | null },
  actor: Actor,
): Promise<PaymentEffect> {
  if (!p.customerId) return {};
  const [credit] = await db
    .select({ total: sql<number>`coalesce(sum(${walletTransactions.amount}) filter (where ${walletTransactions.amount} > 0), 0)::int` })
    .from(walletTransactions)
    .where(and(eq(walletTransactions.tenantId, p.tenantId), eq(walletTransactions.paymentId, p.id)));
  if (!credit || Number(credit.total) === 0) return {};
  try {
    const tx = await postWalletTransaction(
      db,
      { tenantId: p.tenantId, customerId: p.customerId, kind: "TOPUP_REFUND", amount: -Number(credit.total), reason: "Payment refunded", reference: receiptReference(p), paymentId: p.id },
      actor,
    );
    return { walletBalance: tx.balanceAfter };
  } catch (e) {
    if (e instanceof AppError && e.code === "CONFLICT") {
      throw new AppError("CONFLICT", "The customer's wallet holds less than this top-up (it has been spent), so it cannot be reversed");
    }
    throw e;
  }
}
