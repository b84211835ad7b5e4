// Package validity: the one function every expiry is computed with (customer creation, import, renewals,
// wallet auto-renew, pro-rata renewals, voucher activation). The rule:
// - MINUTES, HOURS, DAYS are elapsed time from the start: N×60 s, N×3600 s, N×24 h. A daily package bought
//   at 23:30 in Nairobi ends at 23:30 the next day, never at a midnight (UTC or local).
// - MONTHS are calendar months in the tenant's time zone: the same local wall-clock time on the same day of
//   the month N months later, clamped to that month's last day (31 Jan → 28 Feb, 29 Feb in a leap year).
//   N periods are counted from the start in one step, so 31 Jan + 2 months is 31 Mar, not 28 Mar.
export type ValidityUnit = "MINUTES" | "HOURS" | "DAYS" | "MONTHS";

export interface Validity {
  validityValue: number;
  validityUnit: ValidityUnit;
}

export const DEFAULT_TIME_ZONE = "Africa/Nairobi";

const UNIT_MS: Record<Exclude<ValidityUnit, "MONTHS">, number> = { MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in a zone, as if that reading were UTC (milliseconds). */
function wallClock(at: number, timeZone: string): number {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    partsFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((at % 1000) + 1000) % 1000);
}

/** The instant whose wall-clock reading in the zone is `wall` (a time skipped by a DST jump moves forward). */
function fromWallClock(wall: number, timeZone: string): number {
  let t = wall - (wallClock(wall, timeZone) - wall);
  for (let i = 0; i < 2; i++) t = wall - (wallClock(t, timeZone) - t);
  return t;
}

/** Adds `months` calendar months in `timeZone`, keeping the local time and clamping the day to the month end. */
export function addMonths(from: Date, months: number, timeZone: string): Date {
  const local = new Date(wallClock(from.getTime(), timeZone));
  const day = local.getUTCDate();
  const target = new Date(local.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return new Date(fromWallClock(target.getTime(), timeZone));
}

/** The end of `periods` validity periods starting at `from`, in the tenant's time zone. */
export function addValidity(from: Date, validity: Validity, timeZone: string, periods = 1): Date {
  const n = validity.validityValue * periods;
  if (validity.validityUnit === "MONTHS") return addMonths(from, n, timeZone);
  const unit = UNIT_MS[validity.validityUnit];
  if (unit === undefined) throw new RangeError(`Unknown validity unit ${String(validity.validityUnit)}`);
  return new Date(from.getTime() + n * unit);
}

export function formatValidity(v: Validity): string {
  const unit = v.validityUnit.toLowerCase();
  return `${v.validityValue} ${v.validityValue === 1 ? unit.slice(0, -1) : unit}`;
}
