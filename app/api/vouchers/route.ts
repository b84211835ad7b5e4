// GET /api/vouchers (list: status, batchId, packageId, search, sort, page) and POST /api/vouchers (generate a batch).
import { apiRoute } from "@/lib/auth/api";
import { findVouchers, findVouchersSchema } from "@/lib/services/vouchers/find-vouchers";
import { generateVouchers, generateVouchersSchema } from "@/lib/services/vouchers/generate-vouchers";

export const GET = apiRoute({ permission: "vouchers:read", search: findVouchersSchema }, ({ tx, tenantId, search }) => findVouchers(tx, { ...search, tenantId }));

export const POST = apiRoute({ permission: "vouchers:write", status: 201, body: generateVouchersSchema }, ({ tx, tenantId, body, actor }) =>
  generateVouchers(tx, { ...body, tenantId }, actor),
);
