// The MikroTik Mikrotik-Rate-Limit string, from and to a typed object:
// "rx/tx [burst-rx/burst-tx [threshold-rx/threshold-tx [time-rx/time-tx [priority [min-rx/min-tx]]]]]".
// rx and tx are from the router's view, so rx is the subscriber's upload and tx their download.

export interface RateLimit {
  uploadKbps: number;
  downloadKbps: number;
  burstUploadKbps?: number;
  burstDownloadKbps?: number;
  burstThresholdUploadKbps?: number;
  burstThresholdDownloadKbps?: number;
  burstTimeSeconds?: number;
  /** 1 (highest) .. 8 (lowest, RouterOS's default). */
  priority?: number;
  minUploadKbps?: number;
  minDownloadKbps?: number;
}

export class RateLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RateLimitError";
  }
}

const DEFAULT_PRIORITY = 8;

// ---- format ----------------------------------------------------------------------------------

/**
 * Positional fields are emitted only up to the last one that is set; an unset field before it is
 * filled with 0/0 (RouterOS reads a zero burst, threshold or time as "not used") or priority 8.
 */
export function formatRateLimit(limit: RateLimit): string {
  validateRateLimit(limit);
  const groups: Array<string | undefined> = [
    ratePair(limit.uploadKbps, limit.downloadKbps),
    optionalRatePair(limit.burstUploadKbps, limit.burstDownloadKbps),
    optionalRatePair(limit.burstThresholdUploadKbps, limit.burstThresholdDownloadKbps),
    limit.burstTimeSeconds === undefined ? undefined : `${limit.burstTimeSeconds}/${limit.burstTimeSeconds}`,
    limit.priority === undefined ? undefined : String(limit.priority),
    optionalRatePair(limit.minUploadKbps, limit.minDownloadKbps),
  ];
  const last = groups.findLastIndex((group) => group !== undefined);
  return groups
    .slice(0, last + 1)
    .map((group, index) => group ?? (index === 4 ? String(DEFAULT_PRIORITY) : "0/0"))
    .join(" ");
}

/** Whole kilobits as MikroTik writes them: "4M" when divisible by 1000, else "512k"; zero is "0". */
export function formatRate(kbps: number): string {
  if (kbps === 0) return "0";
  return kbps % 1000 === 0 ? `${kbps / 1000}M` : `${kbps}k`;
}

function ratePair(upload: number, download: number): string {
  return `${formatRate(upload)}/${formatRate(download)}`;
}

/** A pair where only one side is set leaves the other side at 0 (no burst / no guarantee that way). */
function optionalRatePair(upload: number | undefined, download: number | undefined): string | undefined {
  if (upload === undefined && download === undefined) return undefined;
  return ratePair(upload ?? 0, download ?? 0);
}

function validateRateLimit(limit: RateLimit): void {
  const rates: Array<[string, number | undefined]> = [
    ["uploadKbps", limit.uploadKbps],
    ["downloadKbps", limit.downloadKbps],
    ["burstUploadKbps", limit.burstUploadKbps],
    ["burstDownloadKbps", limit.burstDownloadKbps],
    ["burstThresholdUploadKbps", limit.burstThresholdUploadKbps],
    ["burstThresholdDownloadKbps", limit.burstThresholdDownloadKbps],
    ["burstTimeSeconds", limit.burstTimeSeconds],
    ["minUploadKbps", limit.minUploadKbps],
    ["minDownloadKbps", limit.minDownloadKbps],
  ];
  for (const [name, value] of rates) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new RateLimitError(`${name} must be a non-negative whole number, got ${value}`);
    }
  }
  const { priority } = limit;
  if (priority !== undefined && (!Number.isInteger(priority) || priority < 1 || priority > 8)) {
    throw new RateLimitError(`priority must be 1..8, got ${priority}`);
  }
}

// ---- parse -----------------------------------------------------------------------------------

const MULTIPLIERS: Readonly<Record<string, number>> = { "": 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 };

/** Parse a Rate-Limit string (for tests and display). A lone "rx" in a pair means "rx/rx". */
export function parseRateLimit(text: string): RateLimit {
  const fields = text.trim().split(/\s+/);
  if (fields.length === 0 || fields[0] === "" || fields.length > 6) {
    throw new RateLimitError(`"${text}" is not a Mikrotik-Rate-Limit string`);
  }
  const [rates, burst, threshold, time, priority, min] = fields;
  const [uploadKbps, downloadKbps] = parsePair(rates, parseRate);
  const limit: RateLimit = { uploadKbps, downloadKbps };
  if (burst !== undefined) [limit.burstUploadKbps, limit.burstDownloadKbps] = parsePair(burst, parseRate);
  if (threshold !== undefined) {
    [limit.burstThresholdUploadKbps, limit.burstThresholdDownloadKbps] = parsePair(threshold, parseRate);
  }
  if (time !== undefined) limit.burstTimeSeconds = parseSame(time, parseSeconds, "burst times");
  if (priority !== undefined) limit.priority = parseSame(priority, parsePriority, "priorities");
  if (min !== undefined) [limit.minUploadKbps, limit.minDownloadKbps] = parsePair(min, parseRate);
  return limit;
}

function parsePair(field: string, parse: (text: string) => number): [number, number] {
  const parts = field.split("/");
  if (parts.length > 2) throw new RateLimitError(`"${field}" has more than one "/"`);
  const rx = parse(parts[0]);
  return [rx, parts.length === 2 ? parse(parts[1]) : rx];
}

/** The typed object has one value for both directions; refuse rather than silently drop one. */
function parseSame(field: string, parse: (text: string) => number, what: string): number {
  const [rx, tx] = parsePair(field, parse);
  if (rx !== tx) throw new RateLimitError(`different ${what} per direction ("${field}") are not supported`);
  return rx;
}

/** "512k", "2M", "1.5M", "1G" or plain bits per second, as whole kilobits per second. */
export function parseRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(text);
  if (!match) throw new RateLimitError(`"${text}" is not a rate like 512k or 2M`);
  const bps = Math.round(Number(match[1]) * MULTIPLIERS[match[2]]);
  if (bps % 1000 !== 0 || !Number.isSafeInteger(bps)) {
    throw new RateLimitError(`"${text}" is not a whole number of kilobits per second`);
  }
  return bps / 1000;
}

function parseSeconds(text: string): number {
  const match = /^(\d{1,9})s?$/.exec(text);
  if (!match) throw new RateLimitError(`"${text}" is not a burst time in seconds`);
  return Number(match[1]);
}

function parsePriority(text: string): number {
  if (!/^[1-8]$/.test(text)) throw new RateLimitError(`priority "${text}" is not 1..8`);
  return Number(text);
}
