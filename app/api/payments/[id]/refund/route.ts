// POST /api/payments/:id/refund { reason? }: refund a completed payment (reverses a wallet top-up).
import { apiRoute } from "@/lib/auth/api";
import { refundPayment } from "@/lib/services/payments/refund-payment";
import { paymentReasonSchema } from "@/lib/services/payments/fail-payment";

export const POST = apiRoute<{ id: string }, typeof paymentReasonSchema>({ permission: "payments:write", body: paymentReasonSchema }, ({ tx, tenantId, params, body, actor }) =>
  refundPayment(tx, { ...body, tenantId, id: params.id }, actor),
);
