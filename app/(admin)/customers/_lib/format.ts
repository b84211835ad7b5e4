// Display helpers for the customer and package pages (server and client).
import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_TONE: Record<string, BadgeTone> = { ACTIVE: "green", SUSPENDED: "yellow", EXPIRED: "red", DISABLED: "gray" };
export const STATUS_LABEL: Record<string, string> = { ACTIVE: "Active", SUSPENDED: "Suspended", EXPIRED: "Expired", DISABLED: "Disabled" };
export const TYPE_LABEL: Record<string, string> = { PPPOE: "PPPoE", HOTSPOT: "Hotspot", DHCP: "DHCP", STATIC: "Static" };
export const UNIT_LABEL: Record<string, [string, string]> = { MINUTES: ["minute", "minutes"], HOURS: ["hour", "hours"], DAYS: ["day", "days"], MONTHS: ["month", "months"] };

export function validity(value: number, unit: string): string {
  const [one, many] = UNIT_LABEL[unit] ?? [unit.toLowerCase(), unit.toLowerCase()];
  return `${value} ${value === 1 ? one : many}`;
}

export function speed(kbps: number | null | undefined): string {
  if (kbps == null) return "—";
  if (kbps >= 1000 && kbps % 1000 === 0) return `${kbps / 1000} Mbps`;
  if (kbps >= 1000) return `${(kbps / 1000).toFixed(1)} Mbps`;
  return `${kbps} kbps`;
}

export function bytes(n: number | bigint | null | undefined): string {
  if (n == null) return "—";
  const v = Number(n);
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  let x = v;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i++;
  }
  return `${x.toFixed(x >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

export function dateTime(iso: string | Date | null | undefined, timeZone = "Africa/Nairobi"): string {
  if (!iso) return "—";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);
}

export function relativeExpiry(iso: string | null, now: Date): { text: string; tone: BadgeTone } {
  if (!iso) return { text: "no expiry", tone: "gray" };
  const ms = new Date(iso).getTime() - now.getTime();
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.max(1, Math.floor(abs / 60_000));
  const span = d >= 1 ? `${d} d` : h >= 1 ? `${h} h` : `${m} min`;
  if (ms < 0) return { text: `expired ${span} ago`, tone: "red" };
  return { text: `in ${span}`, tone: ms < 7 * 86_400_000 ? "yellow" : "green" };
}
