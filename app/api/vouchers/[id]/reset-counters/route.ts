// POST /api/vouchers/:id/reset-counters: zero used bytes and seconds.
import { apiRoute } from "@/lib/auth/api";
import { resetVoucherCounters } from "@/lib/services/vouchers/reset-voucher-counters";

export const POST = apiRoute<{ id: string }>({ permission: "vouchers:write" }, ({ tx, tenantId, params, actor }) =>
  resetVoucherCounters(tx, { tenantId, id: params.id }, actor),
);
