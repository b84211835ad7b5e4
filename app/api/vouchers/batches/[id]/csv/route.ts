// GET /api/vouchers/batches/:id/csv[?availableOnly=true]: the batch's vouchers as a CSV download.
import { apiRoute } from "@/lib/auth/api";
import { env } from "@/lib/env";
import { voucherCsvResponse } from "@/lib/pdf/voucher-export";
import { findVoucherCards } from "@/lib/services/vouchers/find-voucher-cards";

export const GET = apiRoute<{ id: string }>({ permission: "vouchers:read" }, async ({ tx, tenantId, params, query }) =>
  voucherCsvResponse(await findVoucherCards(tx, { tenantId, batchId: params.id, availableOnly: query.get("availableOnly") ?? undefined }), env().APP_URL),
);
