// POST /api/payments/:id/fail { reason? }: a pending payment never arrived.
import { apiRoute, readJson } from "@/lib/auth/api";
import { failPayment, paymentReasonSchema } from "@/lib/services/payments/fail-payment";

export const POST = apiRoute<{ id: string }>({ permission: "payments:write" }, async ({ tx, tenantId, params, req, actor }) =>
  failPayment(tx, { ...paymentReasonSchema.parse(await readJson(req)), tenantId, id: params.id }, actor),
);
