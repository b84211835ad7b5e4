// Display helpers of the payment and voucher screens (money: lib/money) (pure, usable on server and client).
import type { BadgeTone } from "@/components/ui/badge";

export const VOUCHER_STATUS_TONE: Record<string, BadgeTone> = { AVAILABLE: "green", USED: "blue", EXPIRED: "gray", REVOKED: "red" };
export const VOUCHER_STATUS_LABEL: Record<string, string> = { AVAILABLE: "Available", USED: "Used", EXPIRED: "Expired", REVOKED: "Revoked" };

// Older names of the shared date formatters, kept for the pages that still import them from here.
export { formatDateTime as dateTime, formatDate as dateOnly } from "@/lib/format";
