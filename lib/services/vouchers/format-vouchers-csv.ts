// CSV of voucher cards for spreadsheets and third-party printers (RFC 4180 quoting, formula-safe).
import { formatMoneyInput } from "@/lib/money";
import { formatValidity } from "@/lib/services/packages/validity";
import type { VoucherCards } from "./find-voucher-cards";

function cell(v: string): string {
  // A leading = + - @ would run as a formula in Excel; a quote mark neutralises it.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatVouchersCsv(data: VoucherCards, portalUrl: (code: string) => string): string {
  const header = ["code", "status", "package", "price", "currency", "validity", "redeem_by", "batch", "login_url"];
  const lines = [header.join(",")];
  for (const c of data.cards) {
    lines.push(
      [
        c.code,
        c.status,
        c.packageName,
        formatMoneyInput(c.price, data.tenant.currency),
        data.tenant.currency,
        formatValidity(c),
        c.redeemBy ? c.redeemBy.toISOString() : "",
        c.batchName ?? "",
        portalUrl(c.code),
      ]
        .map(cell)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
