// Turns voucher cards into the downloads staff get: the printable PDF sheet and the CSV. A QR code or
// CSV link must open a page that works: until the captive portal exists (CAPTIVE_PORTAL_LOGIN_PATH is
// null) the QR holds the code alone and the CSV has no login_url column.
import { formatValidity } from "@/lib/services/packages/validity";
import { formatMoney } from "@/lib/money";
import { formatVouchersCsv } from "@/lib/services/vouchers/format-vouchers-csv";
import type { VoucherCards } from "@/lib/services/vouchers/find-voucher-cards";
import { renderVoucherSheet } from "./voucher-sheet";

/**
 * The portal's voucher login route (app/portal/[tenant]/…), or null while there is none. Whoever builds
 * the portal sets it; voucher-export.test checks it names a page that exists.
 */
export const CAPTIVE_PORTAL_LOGIN_PATH: string | null = null;

/** The URL a voucher's QR code and CSV row open, or null when no page for it exists yet. */
export function portalLoginUrl(appUrl: string, tenantSlug: string, code: string, loginPath: string | null = CAPTIVE_PORTAL_LOGIN_PATH): string | null {
  if (!loginPath) return null;
  return `${appUrl.replace(/\/$/, "")}${loginPath.replace("[tenant]", encodeURIComponent(tenantSlug))}?voucher=${encodeURIComponent(code)}`;
}

/** What a voucher card's QR code holds: the login URL once the portal exists, else the code alone. */
export function voucherQrText(appUrl: string, tenantSlug: string, code: string): string {
  return portalLoginUrl(appUrl, tenantSlug, code) ?? code;
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
      qrText: voucherQrText(appUrl, data.tenant.slug, c.code),
    })),
    { tenantName: data.tenant.name, title: data.title, timeZone: data.tenant.timeZone, footer: data.tenant.contactPhone ? `Help: ${data.tenant.contactPhone}` : null },
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
  const csv = formatVouchersCsv(data, CAPTIVE_PORTAL_LOGIN_PATH ? (code) => portalLoginUrl(appUrl, data.tenant.slug, code) ?? "" : null);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${safeFileName(data.title)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
