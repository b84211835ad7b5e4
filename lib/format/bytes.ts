// Byte counts, bit rates and package speeds as staff read them (powers of 1024 for bytes, as routers count).
const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** 1536 → "1.5 KB". Accepts bigint and decimal strings (counters arrive as either); null → "—". */
export function formatBytes(value: bigint | number | string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  let n = typeof value === "bigint" ? Number(value) : Number(value);
  if (!Number.isFinite(n) || n <= 0) return "0 B";
  let i = 0;
  while (n >= 1024 && i < BYTE_UNITS.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n >= 100 || i === 0 ? Math.round(n) : n.toFixed(1)} ${BYTE_UNITS[i]}`;
}

/** Bits per second: 12_500_000 → "12.5 Mbps". */
export function formatBitRate(bitsPerSecond: number): string {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) return "0 bps";
  const units = ["bps", "kbps", "Mbps", "Gbps"];
  let n = bitsPerSecond;
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n >= 100 || i === 0 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}

/** A package speed in kbps: 10000 → "10 Mbps", 1500 → "1.5 Mbps", 512 → "512 kbps". */
export function formatKbps(kbps: number | null | undefined): string {
  if (kbps === null || kbps === undefined) return "—";
  if (kbps >= 1000 && kbps % 1000 === 0) return `${kbps / 1000} Mbps`;
  if (kbps >= 1000) return `${(kbps / 1000).toFixed(1)} Mbps`;
  return `${kbps} kbps`;
}
