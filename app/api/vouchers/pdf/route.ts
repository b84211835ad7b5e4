// GET /api/vouchers/pdf?ids=<id,id,…> (a selection) or ?batchId=: those vouchers as a PDF download.
import { apiRoute } from "@/lib/auth/api";
import { env } from "@/lib/env";
import { voucherPdfResponse } from "@/lib/pdf/voucher-export";
import { findVoucherCards } from "@/lib/services/vouchers/find-voucher-cards";

export const GET = apiRoute({ permission: "vouchers:read" }, async ({ tx, tenantId, query }) =>
  voucherPdfResponse(
    await findVoucherCards(tx, { tenantId, ids: query.get("ids") ?? undefined, batchId: query.get("batchId") ?? undefined, availableOnly: query.get("availableOnly") ?? undefined }),
    env().APP_URL,
  ),
);
