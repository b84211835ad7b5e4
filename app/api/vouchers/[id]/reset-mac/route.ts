// POST /api/vouchers/:id/reset-mac: clear the MAC binding.
import { apiRoute } from "@/lib/auth/api";
import { resetVoucherMac } from "@/lib/services/vouchers/reset-voucher-mac";

export const POST = apiRoute<{ id: string }>({ permission: "vouchers:write" }, ({ tx, tenantId, params, actor }) =>
  resetVoucherMac(tx, { tenantId, id: params.id }, actor),
);
