// GET /api/vouchers/batches/:id/pdf[?availableOnly=true]: the batch's vouchers as a PDF download.
import { apiRoute } from "@/lib/auth/api";
import { env } from "@/lib/env";
import { voucherPdfResponse } from "@/lib/pdf/voucher-export";
import { findVoucherCards } from "@/lib/services/vouchers/find-voucher-cards";

export const GET = apiRoute<{ id: string }>({ permission: "vouchers:read" }, async ({ tx, tenantId, params, query }) =>
  voucherPdfResponse(await findVoucherCards(tx, { tenantId, batchId: params.id, availableOnly: query.get("availableOnly") ?? undefined }), env().APP_URL),
);
