// Chart labels: short money amounts on axes and month names (bytes, rates and durations are in lib/format).
/** Minor units → a short label for chart axes: 1_250_000_00 → "1.3M". */
export function formatCompactMinor(minor: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(minor / 100);
}

/** "2026-03" → "Mar 2026" (or "Mar" when short). */
export function monthLabel(ym: string, short = false): string {
  const [y, m] = ym.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1, 1));
  return d.toLocaleString("en-US", { month: "short", ...(short ? {} : { year: "numeric" }), timeZone: "UTC" });
}
