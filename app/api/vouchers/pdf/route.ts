// GET /api/vouchers/pdf?ids=<id,id,…> (a selection) or ?batchId=: those vouchers as a PDF download.
import { apiRoute } from "@/lib/auth/api";
import { env } from "@/lib/env";
import { voucherPdfResponse } from "@/lib/pdf/voucher-export";
import { findVoucherCards, findVoucherCardsSchema } from "@/lib/services/vouchers/find-voucher-cards";

export const GET = apiRoute({ permission: "vouchers:read", search: findVoucherCardsSchema }, async ({ tx, tenantId, search }) =>
  voucherPdfResponse(await findVoucherCards(tx, { ...search, tenantId }), env().APP_URL),
);
