// The expiry sweep the worker runs every minute across tenants: ACTIVE customers whose time ran out
// are renewed from their wallet when auto-renew is on and the balance covers the package price
// (a COMPLETED "wallet" payment with a receipt); otherwise they become EXPIRED and their live
// sessions are disconnected. Batches are claimed with FOR UPDATE SKIP LOCKED, so several workers
// can share the work and a web request renewing the same customer is never overwritten.
import { and, asc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, packages, payments, sessions, tenants } from "@/lib/db/schema";
import { systemActor, type Actor } from "@/lib/services/audit/record-audit";
import { nextReceiptNumber } from "@/lib/services/payments/payment-fields";
import { requestCustomerDisconnect } from "@/lib/services/sessions/request-customer-disconnect";
import { postWalletTransaction } from "@/lib/services/wallet/post-wallet-transaction";
import { recordCustomerAudits } from "./record-customer-audits";
import { renewCustomer } from "./renew-customer";

export interface ExpireCustomersResult {
  renewed: number;
  expired: number;
  disconnectsRequested: number;
  batches: number;
}

export async function expireCustomers(
  db: Database,
  input: { now?: Date; batchSize?: number; maxBatches?: number; tenantId?: string } = {},
  actor: Actor = { ...systemActor, label: "system:expiry" },
): Promise<ExpireCustomersResult> {
  const now = input.now ?? new Date();
  const batchSize = input.batchSize ?? 500;
  const maxBatches = input.maxBatches ?? 1000;
  const result: ExpireCustomersResult = { renewed: 0, expired: 0, disconnectsRequested: 0, batches: 0 };

  while (result.batches < maxBatches) {
    const expiredNow = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: customers.id,
          tenantId: customers.tenantId,
          expiresAt: customers.expiresAt,
          walletBalance: customers.walletBalance,
          autoRenew: customers.autoRenew,
          packageId: customers.packageId,
          price: packages.price,
          retiredAt: packages.retiredAt,
          currency: tenants.currency,
        })
        .from(customers)
        .leftJoin(packages, eq(packages.id, customers.packageId))
        .innerJoin(tenants, eq(tenants.id, customers.tenantId))
        .where(
          and(
            eq(customers.status, "ACTIVE"),
            isNotNull(customers.expiresAt),
            lte(customers.expiresAt, now),
            input.tenantId ? eq(customers.tenantId, input.tenantId) : undefined,
          ),
        )
        .orderBy(asc(customers.expiresAt))
        .limit(batchSize)
        .for("update", { of: customers, skipLocked: true });
      if (due.length === 0) return null;

      const toExpire: typeof due = [];
      for (const c of due) {
        const canRenew = c.autoRenew && c.packageId && c.price !== null && c.retiredAt === null && c.walletBalance >= c.price;
        if (!canRenew) {
          toExpire.push(c);
          continue;
        }
        const renewed = await renewCustomer(tx, { tenantId: c.tenantId, customerId: c.id }, actor);
        const receiptNumber = await nextReceiptNumber(tx, c.tenantId);
        const [payment] = await tx
          .insert(payments)
          .values({
            tenantId: c.tenantId,
            customerId: c.id,
            packageId: c.packageId,
            amount: c.price!,
            currency: c.currency,
            method: "OTHER",
            status: "COMPLETED",
            purpose: "RENEWAL",
            notes: "wallet",
            receiptNumber,
            paidAt: now,
          })
          .returning({ id: payments.id });
        // A free package renews without touching the wallet.
        if (c.price! > 0) await postWalletTransaction(
          tx,
          { tenantId: c.tenantId, customerId: c.id, kind: "RENEWAL", amount: -c.price!, reason: "Auto-renewal from the wallet", reference: `Receipt #${receiptNumber}`, paymentId: payment.id },
          actor,
        );
        await recordCustomerAudits(tx, {
          tenantId: c.tenantId,
          actor,
          action: "customer.wallet.renew",
          entries: [{ id: c.id, before: { walletBalance: c.walletBalance, expiresAt: c.expiresAt }, after: { walletBalance: c.walletBalance - c.price!, expiresAt: renewed.expiresAt } }],
        });
        result.renewed++;
      }

      if (toExpire.length) {
        await tx
          .update(customers)
          .set({ status: "EXPIRED", updatedAt: now })
          .where(inArray(customers.id, toExpire.map((c) => c.id)));
        const byTenant = new Map<string, typeof toExpire>();
        for (const c of toExpire) byTenant.set(c.tenantId, [...(byTenant.get(c.tenantId) ?? []), c]);
        for (const [tenantId, list] of byTenant) {
          await recordCustomerAudits(tx, { tenantId, actor, action: "customer.expire", entries: list.map((c) => ({ id: c.id, before: { status: "ACTIVE", expiresAt: c.expiresAt }, after: { status: "EXPIRED" } })) });
        }
        result.expired += toExpire.length;
        // The disconnects go in the same transaction: an expiry that rolls back cuts nobody, one that
        // commits always cuts (only customers with live sessions get a job).
        const live = await tx
          .selectDistinct({ customerId: sessions.customerId, tenantId: sessions.tenantId })
          .from(sessions)
          .where(inArray(sessions.customerId, toExpire.map((c) => c.id)));
        for (const s of live) {
          await requestCustomerDisconnect(tx, { tenantId: s.tenantId, customerId: s.customerId!, reason: "expired", whenStatusIn: ["EXPIRED"] });
          result.disconnectsRequested++;
        }
      }
      return { expired: toExpire, full: due.length === batchSize };
    });
    if (!expiredNow) break;
    result.batches++;

    if (!expiredNow.full) break;
  }
  return result;
}
