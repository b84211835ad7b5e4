// POST /api/payments/:id/refund { reason? }: refund a completed payment (reverses a wallet top-up).
import { apiRoute, readJson } from "@/lib/auth/api";
import { refundPayment } from "@/lib/services/payments/refund-payment";
import { paymentReasonSchema } from "@/lib/services/payments/fail-payment";

export const POST = apiRoute<{ id: string }>({ permission: "payments:write" }, async ({ tx, tenantId, params, req, actor }) =>
  refundPayment(tx, { ...paymentReasonSchema.parse(await readJson(req)), tenantId, id: params.id }, actor),
);
