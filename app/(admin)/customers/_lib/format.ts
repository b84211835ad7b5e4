// Labels of the customer and package pages (server and client); values are formatted by lib/format.
import type { BadgeTone } from "@/components/ui/badge";
import { describeExpiry } from "@/lib/format";

export const STATUS_TONE: Record<string, BadgeTone> = { ACTIVE: "green", SUSPENDED: "yellow", EXPIRED: "red", DISABLED: "gray" };
export const STATUS_LABEL: Record<string, string> = { ACTIVE: "Active", SUSPENDED: "Suspended", EXPIRED: "Expired", DISABLED: "Disabled" };
export const TYPE_LABEL: Record<string, string> = { PPPOE: "PPPoE", HOTSPOT: "Hotspot", DHCP: "DHCP", STATIC: "Static" };
export const UNIT_LABEL: Record<string, [string, string]> = { MINUTES: ["minute", "minutes"], HOURS: ["hour", "hours"], DAYS: ["day", "days"], MONTHS: ["month", "months"] };

export function validity(value: number, unit: string): string {
  const [one, many] = UNIT_LABEL[unit] ?? [unit.toLowerCase(), unit.toLowerCase()];
  return `${value} ${value === 1 ? one : many}`;
}

/** The expiry as a badge: red once past, yellow within 7 days. */
export function relativeExpiry(iso: string | null, now: Date): { text: string; tone: BadgeTone } {
  const e = describeExpiry(iso, now);
  if (!e) return { text: "no expiry", tone: "gray" };
  return { text: e.text, tone: e.past ? "red" : e.soon ? "yellow" : "green" };
}
