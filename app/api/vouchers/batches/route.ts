// GET /api/vouchers/batches: voucher batches, newest first, with status counts.
import { apiRoute } from "@/lib/auth/api";
import { findVoucherBatches, findVoucherBatchesSchema } from "@/lib/services/vouchers/find-voucher-batches";

export const GET = apiRoute({ permission: "vouchers:read", search: findVoucherBatchesSchema }, ({ tx, tenantId, search }) => findVoucherBatches(tx, { ...search, tenantId }));
