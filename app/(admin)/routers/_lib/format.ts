// Labels of the routers pages (server and client); times are formatted by lib/format.
import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_LABEL: Record<string, string> = { ONLINE: "Online", OFFLINE: "Offline", UNKNOWN: "Never seen" };
export const STATUS_TONE: Record<string, BadgeTone> = { ONLINE: "green", OFFLINE: "red", UNKNOWN: "gray" };
export const TYPE_LABEL: Record<string, string> = { MIKROTIK: "MikroTik", OTHER: "Other" };
