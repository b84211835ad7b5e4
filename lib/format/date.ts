// Every date and time on every page, in the tenant's time zone and one format: "1 Dec 2026, 14:05".
// Pages pass the tenant's zone (staff.tenantTimezone); nothing formats in the server's or browser's zone.
type DateInput = Date | string | number | null | undefined;

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "dateTime" | "date" | "time" | "zone" | "day", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "dateTime"
        ? { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
        : kind === "date"
          ? { day: "numeric", month: "short", year: "numeric" }
          : kind === "time"
            ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
            : kind === "day"
              ? { year: "numeric", month: "2-digit", day: "2-digit" }
              : { timeZoneName: "short" };
    // en-KE names East African zones the way staff say them (EAT); en-GB gives the day-month order.
    f = new Intl.DateTimeFormat(kind === "zone" ? "en-KE" : kind === "day" ? "en-CA" : "en-GB", { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "1 Dec 2026, 14:05" in the zone; "—" for nothing. */
export function formatDateTime(value: DateInput, timeZone: string): string {
  const d = toDate(value);
  return d ? formatter("dateTime", timeZone).format(d) : "—";
}

/** "1 Dec 2026" in the zone; "—" for nothing. */
export function formatDate(value: DateInput, timeZone: string): string {
  const d = toDate(value);
  return d ? formatter("date", timeZone).format(d) : "—";
}

/** "14:05" in the zone; "—" for nothing. */
export function formatTime(value: DateInput, timeZone: string): string {
  const d = toDate(value);
  return d ? formatter("time", timeZone).format(d) : "—";
}

/** The calendar day in the zone as YYYY-MM-DD (for date inputs and day filters). */
export function zonedDay(value: DateInput, timeZone: string): string {
  const d = toDate(value) ?? new Date();
  return formatter("day", timeZone).format(d);
}

/** The zone's short name at an instant: "EAT" for Africa/Nairobi, "GMT+1" where there is no common one. */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  return formatter("zone", timeZone).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** "EAT (Africa/Nairobi)": for a tooltip or a table header note. */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const abbr = zoneAbbreviation(timeZone, at);
  return abbr === timeZone ? timeZone : `${abbr} (${timeZone})`;
}

/** The wall-clock value for an <input type="datetime-local"> in the zone: "2026-12-01T14:05". */
export function toZonedInputValue(value: DateInput, timeZone: string): string {
  const d = toDate(value);
  if (!d) return "";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The last millisecond of the calendar day `ymd` ("2026-12-05") in the zone: a "use by" day's deadline. */
export function zonedDayEnd(ymd: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd.trim());
  if (!m) return null;
  const next = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1)).toISOString().slice(0, 10);
  const start = fromZonedInputValue(`${next}T00:00`, timeZone);
  return start && new Date(start.getTime() - 1);
}

/** The instant a wall-clock "2026-12-01T14:05" means in the zone (the inverse of toZonedInputValue). */
export function fromZonedInputValue(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  const offsetAt = (t: number) => {
    const back = toZonedInputValue(new Date(t), timeZone);
    const [d, hm] = back.split("T");
    const [y, mo, da] = d.split("-").map(Number);
    const [h, mi] = hm.split(":").map(Number);
    return Date.UTC(y, mo - 1, da, h, mi) - Math.floor(t / 60_000) * 60_000;
  };
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t); // a second pass settles a daylight-saving change near the wall time
  return new Date(t);
}
