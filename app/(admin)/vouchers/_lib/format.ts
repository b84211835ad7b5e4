// Display helpers of the payment and voucher screens (money: lib/money) (pure, usable on server and client).
import type { BadgeTone } from "@/components/ui/badge";

export const VOUCHER_STATUS_TONE: Record<string, BadgeTone> = { AVAILABLE: "green", USED: "blue", EXPIRED: "gray", REVOKED: "red" };
export const VOUCHER_STATUS_LABEL: Record<string, string> = { AVAILABLE: "Available", USED: "Used", EXPIRED: "Expired", REVOKED: "Revoked" };

export function dateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone });
}

export function dateOnly(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone });
}

export function bytes(n: string | number | bigint): string {
  let v = Number(n);
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}
