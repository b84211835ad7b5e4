// GET /api/vouchers/:id (with live sessions) and DELETE /api/vouchers/:id.
import { apiRoute } from "@/lib/auth/api";
import { deleteVoucher } from "@/lib/services/vouchers/delete-voucher";
import { getVoucher } from "@/lib/services/vouchers/get-voucher";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "vouchers:read" }, ({ tx, tenantId, params }) => getVoucher(tx, { tenantId, id: params.id }));

export const DELETE = apiRoute<Params>({ permission: "vouchers:write" }, ({ tx, tenantId, params, actor }) =>
  deleteVoucher(tx, { tenantId, id: params.id }, actor),
);
