// DELETE /api/vouchers/unused[?batchId=]: delete vouchers never used (AVAILABLE).
import { apiRoute } from "@/lib/auth/api";
import { bulkVoucherScopeSchema } from "@/lib/services/vouchers/delete-expired-vouchers";
import { deleteUnusedVouchers } from "@/lib/services/vouchers/delete-unused-vouchers";

export const DELETE = apiRoute({ permission: "vouchers:write", search: bulkVoucherScopeSchema }, ({ tx, tenantId, search, actor }) =>
  deleteUnusedVouchers(tx, { ...search, tenantId }, actor),
);
