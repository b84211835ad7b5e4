// GET /api/customers/:id/password: the customer's PPPoE/hotspot password, for staff with customers:secrets (audited).
import { apiRoute } from "@/lib/auth/api";
import { getCustomerPassword } from "@/lib/services/customers/get-customer-password";

export const GET = apiRoute<{ id: string }>({ permission: "customers:secrets" }, ({ tx, tenantId, params, actor }) =>
  getCustomerPassword(tx, { tenantId, id: params.id }, actor),
);
