// Display helpers for the routers pages (server and client).
import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_LABEL: Record<string, string> = { ONLINE: "Online", OFFLINE: "Offline", UNKNOWN: "Never seen" };
export const STATUS_TONE: Record<string, BadgeTone> = { ONLINE: "green", OFFLINE: "red", UNKNOWN: "gray" };
export const TYPE_LABEL: Record<string, string> = { MIKROTIK: "MikroTik", OTHER: "Other" };

export function timeAgo(iso: string | null, now: Date = new Date()): string {
  if (!iso) return "never";
  const s = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}
