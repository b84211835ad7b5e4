// GET /api/vouchers/batches/:id: one batch with its package and status counts.
import { apiRoute } from "@/lib/auth/api";
import { getVoucherBatch } from "@/lib/services/vouchers/get-voucher-batch";

export const GET = apiRoute<{ id: string }>({ permission: "vouchers:read" }, ({ tx, tenantId, params }) => getVoucherBatch(tx, { tenantId, id: params.id }));
