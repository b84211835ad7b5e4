// GET /api/vouchers (list: status, batchId, packageId, search, sort, page) and POST /api/vouchers (generate a batch).
import { apiRoute, readJson } from "@/lib/auth/api";
import { findVouchers } from "@/lib/services/vouchers/find-vouchers";
import { generateVouchers, type GenerateVouchersInput } from "@/lib/services/vouchers/generate-vouchers";

export const GET = apiRoute({ permission: "vouchers:read" }, ({ tx, tenantId, query }) =>
  findVouchers(tx, { ...Object.fromEntries(query), tenantId }),
);

export const POST = apiRoute({ permission: "vouchers:write", status: 201 }, async ({ tx, tenantId, req, actor }) =>
  generateVouchers(tx, { ...((await readJson(req)) as GenerateVouchersInput), tenantId }, actor),
);
