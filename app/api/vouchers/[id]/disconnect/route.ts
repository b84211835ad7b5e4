// POST /api/vouchers/:id/disconnect: disconnect its live sessions.
import { apiRoute } from "@/lib/auth/api";
import { disconnectVoucher } from "@/lib/services/vouchers/disconnect-voucher";

export const POST = apiRoute<{ id: string }>({ permission: "vouchers:write" }, ({ tx, tenantId, params, actor }) =>
  disconnectVoucher(tx, { tenantId, id: params.id }, actor),
);
