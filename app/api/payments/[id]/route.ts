// GET /api/payments/:id.
import { apiRoute } from "@/lib/auth/api";
import { getPayment } from "@/lib/services/payments/get-payment";

export const GET = apiRoute<{ id: string }>({ permission: "payments:read" }, ({ tx, tenantId, params }) => getPayment(tx, { tenantId, id: params.id }));
