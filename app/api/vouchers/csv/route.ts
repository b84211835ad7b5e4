// GET /api/vouchers/csv?ids=<id,id,…> (a selection) or ?batchId=: those vouchers as a CSV download.
import { apiRoute } from "@/lib/auth/api";
import { env } from "@/lib/env";
import { voucherCsvResponse } from "@/lib/pdf/voucher-export";
import { findVoucherCards, findVoucherCardsSchema } from "@/lib/services/vouchers/find-voucher-cards";

export const GET = apiRoute({ permission: "vouchers:read", search: findVoucherCardsSchema }, async ({ tx, tenantId, search }) =>
  voucherCsvResponse(await findVoucherCards(tx, { ...search, tenantId }), env().APP_URL),
);
