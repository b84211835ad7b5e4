// Display helpers of the money and voucher screens (pure, usable on server and client).
import type { BadgeTone } from "@/components/ui/badge";

export const VOUCHER_STATUS_TONE: Record<string, BadgeTone> = { AVAILABLE: "green", USED: "blue", EXPIRED: "gray", REVOKED: "red" };
export const VOUCHER_STATUS_LABEL: Record<string, string> = { AVAILABLE: "Available", USED: "Used", EXPIRED: "Expired", REVOKED: "Revoked" };

export function money(minor: number, currency: string): string {
  const major = minor / 100;
  return `${currency} ${major.toLocaleString("en-US", { minimumFractionDigits: Number.isInteger(major) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

// Older names of the shared date formatters, kept for the pages that still import them from here.
export { formatDateTime as dateTime, formatDate as dateOnly } from "@/lib/format";
