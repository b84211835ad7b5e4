// Marks a PENDING payment COMPLETED (money confirmed): it gets the next receipt number and takes effect
// (renewal or wallet top-up) in the same transaction.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { payments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { getPayment } from "./get-payment";
import { applyCompletedPayment, nextReceiptNumber, type PaymentEffect, type PaymentRow } from "./payment-fields";
import { lockPayment } from "./payment-rows";

export async function completePayment(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<PaymentRow & PaymentEffect> {
  return db.transaction(async (tx) => {
    const p = await lockPayment(tx, input.tenantId, input.id);
    if (p.status !== "PENDING") throw new AppError("CONFLICT", `Only a pending payment can be completed; this one is ${p.status.toLowerCase()}`);
    const receiptNumber = await nextReceiptNumber(tx, input.tenantId);
    const [row] = await tx
      .update(payments)
      .set({ status: "COMPLETED", receiptNumber, paidAt: new Date() })
      .where(and(eq(payments.tenantId, input.tenantId), eq(payments.id, p.id)))
      .returning();
    const effect = await applyCompletedPayment(tx, { ...row, tenantId: input.tenantId }, actor);
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor,
      action: "payment.complete",
      targetType: "payment",
      targetId: p.id,
      before: { status: p.status },
      after: { status: row.status, receiptNumber, amount: row.amount, purpose: row.purpose, ...effect },
    });
    return { ...(await getPayment(tx, { tenantId: input.tenantId, id: p.id })), ...effect };
  });
}
