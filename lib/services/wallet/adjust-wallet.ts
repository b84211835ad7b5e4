// A staff adjustment of a customer's wallet (goodwill credit, correction, cash taken back): an amount,
// credit or debit, and a reason that is required; it posts one wallet transaction and is audited.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { WalletTransaction } from "@/lib/db/schema";
import { moneyField, toMinorUnits } from "@/lib/money";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { zUuid } from "@/lib/services/zod-helpers";
import { postWalletTransaction } from "./post-wallet-transaction";

export const adjustWalletSchema = z.object({
  customerId: zUuid("customer"),
  direction: z.enum(["CREDIT", "DEBIT"], { message: "Choose credit or debit" }),
  amount: moneyField(),
  reason: z.string({ message: "Give the reason for the adjustment" }).trim().min(3, "Give the reason for the adjustment").max(300, "Reason must be at most 300 characters"),
});
export type AdjustWalletInput = z.output<typeof adjustWalletSchema>;

export async function adjustWallet(db: Database, input: AdjustWalletInput & { tenantId: string }, actor: Actor): Promise<WalletTransaction> {
  const data = input;
  const currency = (await getTenantLocale(db, input.tenantId)).currency;
  const minor = toMinorUnits(data.amount, currency);
  const amount = data.direction === "CREDIT" ? minor : -minor;
  const row = await postWalletTransaction(db, { tenantId: input.tenantId, customerId: data.customerId, kind: "ADJUSTMENT", amount, reason: data.reason }, actor);
  await recordAudit(db, {
    tenantId: input.tenantId,
    actor,
    action: "customer.wallet.adjust",
    targetType: "customer",
    targetId: data.customerId,
    before: { walletBalance: row.balanceAfter - amount },
    after: { walletBalance: row.balanceAfter, amount, currency, reason: data.reason },
  });
  return row;
}
