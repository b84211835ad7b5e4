// The one set of display formatters for server pages and client tables: bytes, rates, durations, and
// dates in the tenant's time zone. Money lives in lib/money, phone numbers with the phone helpers.
export { formatBitRate, formatBytes, formatKbps } from "./bytes";
export { describeExpiry, formatDuration, formatTimeAgo } from "./duration";
export { formatDate, formatDateTime, formatTime, fromZonedInputValue, toZonedInputValue, zoneAbbreviation, zoneLabel, zonedDay, zonedDayEnd } from "./date";
