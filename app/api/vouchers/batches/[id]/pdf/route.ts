// GET /api/vouchers/batches/:id/pdf[?availableOnly=true]: the batch's vouchers as a PDF download.
import { apiRoute } from "@/lib/auth/api";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { voucherPdfResponse } from "@/lib/pdf/voucher-export";
import { findVoucherCards, voucherCardOptionsSchema } from "@/lib/services/vouchers/find-voucher-cards";

export const GET = apiRoute<{ id: string }, undefined, typeof voucherCardOptionsSchema>({ permission: "vouchers:read", search: voucherCardOptionsSchema }, async ({ tx, tenantId, params, search }) => {
  if (!isUuid(params.id)) throw notFound("Voucher batch");
  return voucherPdfResponse(await findVoucherCards(tx, { ...search, batchId: params.id, tenantId }), env().APP_URL);
});
