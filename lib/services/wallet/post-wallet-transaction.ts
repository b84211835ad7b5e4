// The only way a customer's wallet changes: the balance moves by a signed amount and a wallet-transaction
// row records the amount, the balance after, the reason and what caused it, in the caller's transaction.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, tenants, walletTransactions, type WalletTransaction } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import type { Actor } from "@/lib/services/audit/record-audit";

export type WalletTransactionKind = WalletTransaction["kind"];

export interface PostWalletTransactionInput {
  tenantId: string;
  customerId: string;
  kind: WalletTransactionKind;
  /** Signed minor units: positive credits the wallet, negative debits it. */
  amount: number;
  reason: string;
  reference?: string | null;
  paymentId?: string | null;
}

export async function postWalletTransaction(db: Database, input: PostWalletTransactionInput, actor: Actor): Promise<WalletTransaction> {
  if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw new RangeError(`A wallet transaction needs a non-zero integer amount, got ${input.amount}`);
  const [row] = await db
    .update(customers)
    .set({ walletBalance: sql`${customers.walletBalance} + ${input.amount}` })
    .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.customerId), sql`${customers.walletBalance} + ${input.amount} >= 0`))
    .returning({ balance: customers.walletBalance });
  const [tenant] = await db.select({ currency: tenants.currency }).from(tenants).where(eq(tenants.id, input.tenantId)).limit(1);
  if (!row) {
    const [c] = await db
      .select({ balance: customers.walletBalance })
      .from(customers)
      .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.customerId)))
      .limit(1);
    if (!c) throw notFound("Customer");
    const currency = tenant?.currency ?? "KES";
    throw new AppError("CONFLICT", `The wallet holds ${formatMoney(c.balance, currency)}, less than ${formatMoney(-input.amount, currency)}`, {
      fieldErrors: { amount: [`The wallet holds only ${formatMoney(c.balance, currency)}`] },
    });
  }
  const [tx] = await db
    .insert(walletTransactions)
    .values({
      tenantId: input.tenantId,
      customerId: input.customerId,
      kind: input.kind,
      amount: input.amount,
      balanceAfter: row.balance,
      currency: tenant?.currency ?? "KES",
      reason: input.reason,
      reference: input.reference ?? null,
      paymentId: input.paymentId ?? null,
      createdByUserId: actor.userId ?? null,
      actorLabel: actor.label ?? null,
      // The wall clock, not the transaction start: rows posted in one transaction keep their order.
      createdAt: sql`clock_timestamp()`,
    })
    .returning();
  return tx;
}
