// DELETE /api/vouchers/unused[?batchId=]: delete vouchers never used (AVAILABLE).
import { apiRoute } from "@/lib/auth/api";
import { deleteUnusedVouchers } from "@/lib/services/vouchers/delete-unused-vouchers";

export const DELETE = apiRoute({ permission: "vouchers:write" }, ({ tx, tenantId, query, actor }) =>
  deleteUnusedVouchers(tx, { batchId: query.get("batchId") ?? undefined, tenantId }, actor),
);
