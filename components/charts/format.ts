// Chart labels: month names (money is in lib/money; bytes, rates and durations in lib/format).

/** "2026-03" → "Mar 2026" (or "Mar" when short). */
export function monthLabel(ym: string, short = false): string {
  const [y, m] = ym.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1, 1));
  return d.toLocaleString("en-US", { month: "short", ...(short ? {} : { year: "numeric" }), timeZone: "UTC" });
}
