// Marks a PENDING payment FAILED (the money never arrived); nothing else changes.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { payments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { zOptionalText } from "@/lib/services/zod-helpers";
import { getPayment } from "./get-payment";
import type { PaymentRow } from "./payment-fields";
import { lockPayment } from "./payment-rows";

export const paymentReasonSchema = z.object({ reason: zOptionalText(300) });
export type PaymentReasonInput = z.output<typeof paymentReasonSchema>;

export async function failPayment(db: Database, input: PaymentReasonInput & { tenantId: string; id: string }, actor: Actor): Promise<PaymentRow> {
  const { reason } = input;
  return db.transaction(async (tx) => {
    const p = await lockPayment(tx, input.tenantId, input.id);
    if (p.status !== "PENDING") throw new AppError("CONFLICT", `Only a pending payment can be marked failed; this one is ${p.status.toLowerCase()}`);
    await tx
      .update(payments)
      .set({ status: "FAILED", notes: reason ? [p.notes, `Failed: ${reason}`].filter(Boolean).join("\n") : p.notes })
      .where(and(eq(payments.tenantId, input.tenantId), eq(payments.id, p.id)));
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "payment.fail", targetType: "payment", targetId: p.id, before: { status: p.status }, after: { status: "FAILED", reason: reason ?? null } });
    return getPayment(tx, { tenantId: input.tenantId, id: p.id });
  });
}
