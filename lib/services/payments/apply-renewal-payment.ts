// The rule for money paid towards a renewal, whoever records it (the payment form, the customer page, a
// pending payment completed later, M-Pesa callbacks): the full package price renews one period (what is
// paid above it goes to the wallet); less than that never renews silently. Staff choose what the
// shortfall does:
// - CREDIT_WALLET: nothing is renewed; the money goes to the customer's wallet (refunds take it back);
// - PRO_RATA: the customer is renewed for the paid share of the period (1,000 of 1,500 → ⅔ of it);
// - FULL_OVERRIDE: a full period anyway, audited as an override with the shortfall.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, packages } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { renewCustomer } from "@/lib/services/customers/renew-customer";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { postWalletTransaction } from "@/lib/services/wallet/post-wallet-transaction";
import { shortfallOf, type ShortfallAction } from "./shortfall";

export { shortfallActions, type ShortfallAction } from "./shortfall";

export interface RenewalEffect {
  newExpiresAt?: Date | null;
  walletBalance?: number;
  /** Minor units missing from the package price (0 when paid in full). */
  shortfall?: number;
}

/** The package a renewal is for (given, else the customer's own) and its price; throws when there is none. */
export async function renewalPackage(db: Database, input: { tenantId: string; customerId: string; packageId?: string | null }) {
  let packageId = input.packageId ?? null;
  if (!packageId) {
    const [c] = await db
      .select({ packageId: customers.packageId })
      .from(customers)
      .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.customerId)))
      .limit(1);
    if (!c) throw notFound("Customer");
    packageId = c.packageId;
  }
  if (!packageId) throw new AppError("INVALID_INPUT", "Choose the package this payment renews", { fieldErrors: { packageId: ["Choose a package to renew"] } });
  const [pkg] = await db
    .select({ id: packages.id, name: packages.name, price: packages.price })
    .from(packages)
    .where(and(eq(packages.tenantId, input.tenantId), eq(packages.id, packageId)))
    .limit(1);
  if (!pkg) throw new AppError("NOT_FOUND", "Package not found", { fieldErrors: { packageId: ["Choose a package"] } });
  return pkg;
}

/** Refuses an underpayment without a choice, naming the shortfall; returns the shortfall otherwise. */
export function checkShortfall(input: { amount: number; price: number; packageName: string; currency: string; action?: ShortfallAction | null }): number {
  const shortfall = shortfallOf(input.amount, input.price);
  if (shortfall > 0 && !input.action) {
    const message = `${formatMoney(input.amount, input.currency)} is ${formatMoney(shortfall, input.currency)} short of ${input.packageName} (${formatMoney(input.price, input.currency)}): choose to credit the wallet, renew pro rata or renew in full`;
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { shortfallAction: [message] }, shortfall, price: input.price });
  }
  return shortfall;
}

export async function applyRenewalPayment(
  db: Database,
  input: { tenantId: string; customerId: string; packageId?: string | null; paymentId: string; amount: number; reference?: string | null; shortfallAction?: ShortfallAction | null },
  actor: Actor,
): Promise<RenewalEffect> {
  const pkg = await renewalPackage(db, input);
  const { currency } = await getTenantLocale(db, input.tenantId);
  const shortfall = checkShortfall({ amount: input.amount, price: pkg.price, packageName: pkg.name, currency, action: input.shortfallAction });
  const renew = { tenantId: input.tenantId, customerId: input.customerId, packageId: pkg.id };
  if (shortfall === 0) {
    const renewed = await renewCustomer(db, renew, actor);
    // Paid above the price: the rest is the customer's, in the wallet (never kept silently).
    const excess = input.amount - pkg.price;
    if (excess > 0) {
      const tx = await postWalletTransaction(
        db,
        { tenantId: input.tenantId, customerId: input.customerId, kind: "TOPUP", amount: excess, reason: `Paid above the price of ${pkg.name}`, reference: input.reference, paymentId: input.paymentId },
        actor,
      );
      return { newExpiresAt: renewed.expiresAt, walletBalance: tx.balanceAfter, shortfall: 0 };
    }
    return { newExpiresAt: renewed.expiresAt, shortfall: 0 };
  }
  const action = input.shortfallAction!;
  if (action === "CREDIT_WALLET") {
    if (input.amount === 0) return { newExpiresAt: null, shortfall };
    const tx = await postWalletTransaction(
      db,
      { tenantId: input.tenantId, customerId: input.customerId, kind: "SHORTFALL_CREDIT", amount: input.amount, reason: `Part payment for ${pkg.name} (${formatMoney(shortfall, currency)} short)`, reference: input.reference, paymentId: input.paymentId },
      actor,
    );
    return { newExpiresAt: null, walletBalance: tx.balanceAfter, shortfall };
  }
  if (action === "PRO_RATA") {
    const renewed = await renewCustomer(db, { ...renew, portion: input.amount / pkg.price }, actor);
    return { newExpiresAt: renewed.expiresAt, shortfall };
  }
  const renewed = await renewCustomer(db, renew, actor);
  await recordAudit(db, {
    tenantId: input.tenantId,
    actor,
    action: "payment.shortfall.override",
    targetType: "payment",
    targetId: input.paymentId,
    after: { customerId: input.customerId, package: pkg.name, price: pkg.price, amount: input.amount, shortfall, currency, newExpiresAt: renewed.expiresAt },
  });
  return { newExpiresAt: renewed.expiresAt, shortfall };
}
