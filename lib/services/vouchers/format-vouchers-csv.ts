// CSV of voucher cards for spreadsheets and third-party printers (RFC 4180 quoting, formula-safe).
import { toCsv } from "@/lib/csv";
import { formatMoneyInput } from "@/lib/money";
import { formatValidity } from "@/lib/services/packages/validity";
import type { VoucherCards } from "./find-voucher-cards";

/** `portalUrl` null: no login page exists to link to, so there is no login_url column. */
export function formatVouchersCsv(data: VoucherCards, portalUrl: ((code: string) => string) | null): string {
  const header = ["code", "status", "package", "price", "currency", "validity", "redeem_by", "batch", ...(portalUrl ? ["login_url"] : [])];
  return toCsv(
    header,
    data.cards.map((c) => [
      c.code,
      c.status,
      c.packageName,
      formatMoneyInput(c.price, data.tenant.currency),
      data.tenant.currency,
      formatValidity(c),
      c.redeemBy ? c.redeemBy.toISOString() : "",
      c.batchName ?? "",
      ...(portalUrl ? [portalUrl(c.code)] : []),
    ]),
  );
}
