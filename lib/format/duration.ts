// Lengths of time and distances from now, in the short forms the tables use.

/** Seconds → "3d 4h", "2h 05m", "12m 30s", "45s". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, "0")}s`;
  return `${sec}s`;
}

/** How long ago: "just now", "5 min ago", "3 h ago", "2 d ago"; null → "never". */
export function formatTimeAgo(value: Date | string | null | undefined, now: Date = new Date()): string {
  if (!value) return "never";
  const s = Math.max(0, Math.round((now.getTime() - new Date(value).getTime()) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

/** The distance to an expiry: "in 3 d", "in 5 h", "expired 20 min ago", with whether it is past and soon. */
export function describeExpiry(value: Date | string | null | undefined, now: Date): { text: string; past: boolean; soon: boolean } | null {
  if (!value) return null;
  const ms = new Date(value).getTime() - now.getTime();
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.max(1, Math.floor(abs / 60_000));
  const span = d >= 1 ? `${d} d` : h >= 1 ? `${h} h` : `${m} min`;
  if (ms < 0) return { text: `expired ${span} ago`, past: true, soon: false };
  return { text: `in ${span}`, past: false, soon: ms < 7 * 86_400_000 };
}
