// POST /api/payments/:id/complete: a pending payment is confirmed (receipt number, renewal or top-up).
import { apiRoute } from "@/lib/auth/api";
import { completePayment } from "@/lib/services/payments/complete-payment";

export const POST = apiRoute<{ id: string }>({ permission: "payments:write" }, ({ tx, tenantId, params, actor }) =>
  completePayment(tx, { tenantId, id: params.id }, actor),
);
