// CSV of voucher cards for spreadsheets and third-party printers (RFC 4180 quoting, formula-safe).
import { formatValidity } from "@/lib/services/packages/validity";
import type { VoucherCards } from "./find-voucher-cards";

function cell(v: string): string {
  // A leading = + - @ would run as a formula in Excel; a quote mark neutralises it.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `portalUrl` null: no login page exists to link to, so there is no login_url column. */
export function formatVouchersCsv(data: VoucherCards, portalUrl: ((code: string) => string) | null): string {
  const header = ["code", "status", "package", "price", "currency", "validity", "redeem_by", "batch", ...(portalUrl ? ["login_url"] : [])];
  const lines = [header.join(",")];
  for (const c of data.cards) {
    lines.push(
      [
        c.code,
        c.status,
        c.packageName,
        (c.price / 100).toFixed(2),
        data.tenant.currency,
        formatValidity(c),
        c.redeemBy ? c.redeemBy.toISOString() : "",
        c.batchName ?? "",
        ...(portalUrl ? [portalUrl(c.code)] : []),
      ]
        .map(cell)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
