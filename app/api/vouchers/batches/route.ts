// GET /api/vouchers/batches: voucher batches, newest first, with status counts.
import { apiRoute } from "@/lib/auth/api";
import { findVoucherBatches } from "@/lib/services/vouchers/find-voucher-batches";

export const GET = apiRoute({ permission: "vouchers:read" }, ({ tx, tenantId, query }) =>
  findVoucherBatches(tx, { ...Object.fromEntries(query), tenantId }),
);
