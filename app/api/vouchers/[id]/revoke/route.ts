// POST /api/vouchers/:id/revoke: revoke (and disconnect).
import { apiRoute } from "@/lib/auth/api";
import { revokeVoucher } from "@/lib/services/vouchers/revoke-voucher";

export const POST = apiRoute<{ id: string }>({ permission: "vouchers:write" }, ({ tx, tenantId, params, actor }) =>
  revokeVoucher(tx, { tenantId, id: params.id }, actor),
);
