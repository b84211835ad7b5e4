// Turns voucher cards into the downloads staff get: the printable PDF sheet and the CSV, with portal
// login URLs (`${APP_URL}/portal/<tenant>?voucher=<code>`) in the QR codes and the CSV.
import { formatValidity } from "@/lib/services/packages/validity";
import { formatMoney } from "@/lib/money";
import { formatVouchersCsv } from "@/lib/services/vouchers/format-vouchers-csv";
import type { VoucherCards } from "@/lib/services/vouchers/find-voucher-cards";
import { renderVoucherSheet } from "./voucher-sheet";

export function portalLoginUrl(appUrl: string, tenantSlug: string, code: string): string {
  return `${appUrl.replace(/\/$/, "")}/portal/${encodeURIComponent(tenantSlug)}?voucher=${encodeURIComponent(code)}`;
}

function safeFileName(s: string): string {
  return s.replace(/[^\w.-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "vouchers";
}

export async function voucherPdfResponse(data: VoucherCards, appUrl: string): Promise<Response> {
  const pdf = await renderVoucherSheet(
    data.cards.map((c) => ({
      code: c.code,
      packageName: c.packageName,
      price: formatMoney(c.price, data.tenant.currency),
      validity: formatValidity(c),
      redeemBy: c.redeemBy,
      qrText: portalLoginUrl(appUrl, data.tenant.slug, c.code),
    })),
    { tenantName: data.tenant.name, title: data.title, footer: data.tenant.contactPhone ? `Help: ${data.tenant.contactPhone}` : null },
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${safeFileName(data.title)}.pdf"`,
      "cache-control": "no-store",
    },
  });
}

export function voucherCsvResponse(data: VoucherCards, appUrl: string): Response {
  const csv = formatVouchersCsv(data, (code) => portalLoginUrl(appUrl, data.tenant.slug, code));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${safeFileName(data.title)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
