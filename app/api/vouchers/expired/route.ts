// DELETE /api/vouchers/expired[?batchId=]: delete expired vouchers (EXPIRED, past redeem-by, or used and past expiry).
import { apiRoute } from "@/lib/auth/api";
import { deleteExpiredVouchers } from "@/lib/services/vouchers/delete-expired-vouchers";

export const DELETE = apiRoute({ permission: "vouchers:write" }, ({ tx, tenantId, query, actor }) =>
  deleteExpiredVouchers(tx, { batchId: query.get("batchId") ?? undefined, tenantId }, actor),
);
