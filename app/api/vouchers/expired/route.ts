// DELETE /api/vouchers/expired[?batchId=]: delete expired vouchers (EXPIRED, past redeem-by, or used and past expiry).
import { apiRoute } from "@/lib/auth/api";
import { bulkVoucherScopeSchema, deleteExpiredVouchers } from "@/lib/services/vouchers/delete-expired-vouchers";

export const DELETE = apiRoute({ permission: "vouchers:write", search: bulkVoucherScopeSchema }, ({ tx, tenantId, search, actor }) =>
  deleteExpiredVouchers(tx, { ...search, tenantId }, actor),
);
