// Money: payments (which renew customers or top up wallets), invoices, expenses and ledger accounts.
import { sql } from "drizzle-orm";
import { date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./_shared";
import { tenants } from "./tenants";
import { customers } from "./customers";
import { packages } from "./packages";
import { users } from "./users";

export const paymentMethod = pgEnum("payment_method", ["CASH", "MPESA", "BANK_TRANSFER", "CARD", "OTHER"]);
export const paymentStatus = pgEnum("payment_status", ["PENDING", "COMPLETED", "FAILED", "REFUNDED"]);
export const paymentPurpose = pgEnum("payment_purpose", ["RENEWAL", "WALLET_TOPUP", "VOUCHER"]);
/** What a renewal paying less than the package price does (staff choose; see applyRenewalPayment). */
export const shortfallAction = pgEnum("shortfall_action", ["CREDIT_WALLET", "PRO_RATA", "FULL_OVERRIDE"]);

export const payments = pgTable(
  "payments",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    packageId: uuid("package_id").references(() => packages.id, { onDelete: "set null" }),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    method: paymentMethod("method").notNull(),
    status: paymentStatus("status").notNull().default("PENDING"),
    purpose: paymentPurpose("purpose").notNull().default("RENEWAL"),
    /** Set when the renewal amount is below the package price: what the shortfall does. */
    shortfallAction: shortfallAction("shortfall_action"),
    /** External reference (M-Pesa receipt, bank reference): unique per tenant when present. */
    reference: text("reference"),
    /** M-Pesa CheckoutRequestID for STK pushes, to match callbacks idempotently. */
    checkoutRequestId: text("checkout_request_id"),
    phone: text("phone"),
    notes: text("notes"),
    receiptNumber: integer("receipt_number"),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    paidAt: ts("paid_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payments_tenant_reference_key").on(t.tenantId, t.reference).where(sql`${t.reference} IS NOT NULL`),
    uniqueIndex("payments_checkout_key").on(t.checkoutRequestId).where(sql`${t.checkoutRequestId} IS NOT NULL`),
    uniqueIndex("payments_tenant_receipt_key").on(t.tenantId, t.receiptNumber),
    uniqueIndex("payments_tenant_id_key").on(t.tenantId, t.id), // target of tenant-wall foreign keys
    index("payments_tenant_paid_idx").on(t.tenantId, t.paidAt),
    index("payments_tenant_customer_idx").on(t.tenantId, t.customerId),
  ],
);

export const invoiceStatus = pgEnum("invoice_status", ["DRAFT", "OPEN", "PAID", "VOID"]);

export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    number: integer("number").notNull(),
    status: invoiceStatus("status").notNull().default("OPEN"),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    dueDate: date("due_date"),
    paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "set null" }),
    lines: text("lines"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("invoices_tenant_number_key").on(t.tenantId, t.number), index("invoices_tenant_customer_idx").on(t.tenantId, t.customerId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").notNull().default("EXPENSE"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("accounts_tenant_name_key").on(t.tenantId, t.name),
    uniqueIndex("accounts_tenant_id_key").on(t.tenantId, t.id), // target of tenant-wall foreign keys
  ],
);

export const expenses = pgTable(
  "expenses",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    description: text("description").notNull(),
    spentOn: date("spent_on").notNull(),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("expenses_tenant_spent_idx").on(t.tenantId, t.spentOn)],
);

export const walletTransactionKind = pgEnum("wallet_transaction_kind", ["TOPUP", "TOPUP_REFUND", "RENEWAL", "ADJUSTMENT", "SHORTFALL_CREDIT", "OPENING_BALANCE"]);

/**
 * Every change of a customer's wallet, with the balance it left: the wallet balance on the customer is
 * always the balance_after of its latest row, so it can be explained line by line.
 */
export const walletTransactions = pgTable(
  "wallet_transactions",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: walletTransactionKind("kind").notNull(),
    /** Signed minor units: credits are positive, debits negative. */
    amount: integer("amount").notNull(),
    balanceAfter: integer("balance_after").notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(),
    /** What caused it: a receipt number, an M-Pesa code, "import". */
    reference: text("reference"),
    paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "set null" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label"),
    createdAt: createdAt(),
  },
  (t) => [index("wallet_transactions_tenant_customer_idx").on(t.tenantId, t.customerId, t.createdAt)],
);

export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type WalletTransaction = typeof walletTransactions.$inferSelect;
