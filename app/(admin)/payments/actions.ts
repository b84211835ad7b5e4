"use server";
// Server actions of the payments area: thin adapters over lib/services/payments.
import { revalidatePath } from "next/cache";
import { tenantAction } from "@/lib/auth/action";
import { completePayment } from "@/lib/services/payments/complete-payment";
import { failPayment, paymentReasonSchema } from "@/lib/services/payments/fail-payment";
import { recordPayment, recordPaymentSchema } from "@/lib/services/payments/record-payment";
import { refundPayment } from "@/lib/services/payments/refund-payment";
import { searchPaymentCustomers, searchPaymentCustomersSchema } from "@/lib/services/payments/search-payment-customers";
import { uuidField } from "@/lib/ids";

const idSchema = paymentReasonSchema.extend({ id: uuidField("Unknown payment") });

export const recordPaymentAction = tenantAction({ schema: recordPaymentSchema, permission: "payments:write", message: "Payment recorded" }, async (ctx, input) => {
  const p = await recordPayment(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/payments");
  revalidatePath("/customers", "layout");
  return { id: p.id, status: p.status };
});

export const searchPaymentCustomersAction = tenantAction({ schema: searchPaymentCustomersSchema, permission: "payments:write" }, async (ctx, input) => {
  const rows = await searchPaymentCustomers(ctx.tx, { ...input, tenantId: ctx.tenantId });
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt?.toISOString() ?? null }));
});

export const completePaymentAction = tenantAction({ schema: idSchema, permission: "payments:write" }, async (ctx, { id }) => {
  const p = await completePayment(ctx.tx, { tenantId: ctx.tenantId, id }, ctx.actor);
  revalidatePath("/payments");
  return { message: `Payment completed: receipt #${p.receiptNumber}` };
});

export const failPaymentAction = tenantAction({ schema: idSchema, permission: "payments:write" }, async (ctx, { id, reason }) => {
  await failPayment(ctx.tx, { tenantId: ctx.tenantId, id, reason }, ctx.actor);
  revalidatePath("/payments");
  return { message: "Payment marked as failed" };
});

export const refundPaymentAction = tenantAction({ schema: idSchema, permission: "payments:write" }, async (ctx, { id, reason }) => {
  const p = await refundPayment(ctx.tx, { tenantId: ctx.tenantId, id, reason }, ctx.actor);
  revalidatePath("/payments");
  return { message: p.walletBalance !== undefined ? "Refunded: the top-up was taken back out of the wallet" : "Payment marked as refunded" };
});
