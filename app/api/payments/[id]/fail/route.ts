// POST /api/payments/:id/fail { reason? }: a pending payment never arrived.
import { apiRoute } from "@/lib/auth/api";
import { failPayment, paymentReasonSchema } from "@/lib/services/payments/fail-payment";

export const POST = apiRoute<{ id: string }, typeof paymentReasonSchema>({ permission: "payments:write", body: paymentReasonSchema }, ({ tx, tenantId, params, body, actor }) =>
  failPayment(tx, { ...body, tenantId, id: params.id }, actor),
);
