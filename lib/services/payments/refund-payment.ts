// Refunds a COMPLETED payment. Money it put in the wallet (a top-up, an underpayment credited there, what
// a renewal paid above the price) is taken back out (refused when already spent); a renewal is only
// marked REFUNDED and audited: the service period is not clawed back.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { payments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { getPayment } from "./get-payment";
import type { PaymentReasonInput } from "./fail-payment";
import { reversePaymentCredit, type PaymentEffect, type PaymentRow } from "./payment-fields";
import { lockPayment } from "./payment-rows";

export async function refundPayment(db: Database, input: PaymentReasonInput & { tenantId: string; id: string }, actor: Actor): Promise<PaymentRow & PaymentEffect> {
  const { reason } = input;
  return db.transaction(async (tx) => {
    const p = await lockPayment(tx, input.tenantId, input.id);
    if (p.status !== "COMPLETED") throw new AppError("CONFLICT", `Only a completed payment can be refunded; this one is ${p.status.toLowerCase()}`);
    const effect = await reversePaymentCredit(tx, { ...p, tenantId: input.tenantId }, actor);
    await tx
      .update(payments)
      .set({ status: "REFUNDED", notes: reason ? [p.notes, `Refunded: ${reason}`].filter(Boolean).join("\n") : p.notes })
      .where(and(eq(payments.tenantId, input.tenantId), eq(payments.id, p.id)));
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor,
      action: "payment.refund",
      targetType: "payment",
      targetId: p.id,
      before: { status: p.status, amount: p.amount, purpose: p.purpose },
      after: { status: "REFUNDED", reason: reason ?? null, ...effect },
    });
    return { ...(await getPayment(tx, { tenantId: input.tenantId, id: p.id })), ...effect };
  });
}
