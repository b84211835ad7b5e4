// A customer's wallet history, newest first (the customer page and GET .../wallet-transactions).
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { walletTransactions, type WalletTransaction } from "@/lib/db/schema";

export async function findWalletTransactions(db: Database, input: { tenantId: string; customerId: string; limit?: number }): Promise<WalletTransaction[]> {
  return db
    .select()
    .from(walletTransactions)
    .where(and(eq(walletTransactions.tenantId, input.tenantId), eq(walletTransactions.customerId, input.customerId)))
    .orderBy(desc(walletTransactions.createdAt), desc(walletTransactions.id))
    .limit(Math.min(input.limit ?? 50, 500));
}
