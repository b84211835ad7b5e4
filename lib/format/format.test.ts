import { describe, expect, it } from "vitest";
import {
  describeExpiry,
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  formatKbps,
  formatTime,
  formatTimeAgo,
  fromZonedInputValue,
  toZonedInputValue,
  zonedDayEnd,
  zoneAbbreviation,
  zoneLabel,
} from ".";

const at = new Date("2026-03-15T21:30:00Z"); // 00:30 on 16 March in Nairobi

describe("dates in the tenant's zone", () => {
  it("formats one way, in the zone given, never the machine's", () => {
    expect(formatDateTime(at, "Africa/Nairobi")).toBe("16 Mar 2026, 00:30");
    expect(formatDateTime(at.toISOString(), "UTC")).toBe("15 Mar 2026, 21:30");
    expect(formatDate(at, "Africa/Nairobi")).toBe("16 Mar 2026");
    expect(formatTime(at, "Africa/Nairobi")).toBe("00:30");
    expect(formatDateTime(null, "Africa/Nairobi")).toBe("—");
    expect(formatDateTime("not a date", "Africa/Nairobi")).toBe("—");
  });

  it("names the zone", () => {
    expect(zoneAbbreviation("Africa/Nairobi", at)).toBe("EAT");
    expect(zoneLabel("Africa/Nairobi", at)).toBe("EAT (Africa/Nairobi)");
  });

  it("round-trips a datetime-local value through the zone", () => {
    expect(toZonedInputValue(at, "Africa/Nairobi")).toBe("2026-03-16T00:30");
    expect(fromZonedInputValue("2026-03-16T00:30", "Africa/Nairobi")?.toISOString()).toBe(at.toISOString());
    // Across a daylight-saving change (New York springs forward on 8 March 2026).
    expect(fromZonedInputValue("2026-03-08T12:00", "America/New_York")?.toISOString()).toBe("2026-03-08T16:00:00.000Z");
    expect(fromZonedInputValue("2026-03-07T12:00", "America/New_York")?.toISOString()).toBe("2026-03-07T17:00:00.000Z");
    expect(fromZonedInputValue("garbage", "Africa/Nairobi")).toBeNull();
  });
});

describe("bytes, speeds and durations", () => {
  it("formats counters as routers count them", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(10n * 1024n ** 3n)).toBe("10.0 GB");
    expect(formatBytes("1048576")).toBe("1.0 MB");
    expect(formatBytes(null)).toBe("—");
    expect(formatKbps(10000)).toBe("10 Mbps");
    expect(formatKbps(1500)).toBe("1.5 Mbps");
    expect(formatKbps(512)).toBe("512 kbps");
  });

  it("formats lengths of time and distances from now", () => {
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe("3d 4h");
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe("2h 05m");
    expect(formatDuration(45)).toBe("45s");
    const now = new Date("2026-01-01T12:00:00Z");
    expect(formatTimeAgo(new Date("2026-01-01T11:55:00Z"), now)).toBe("5 min ago");
    expect(formatTimeAgo(null, now)).toBe("never");
    expect(describeExpiry(new Date("2026-01-03T12:00:00Z"), now)).toEqual({ text: "in 2 d", past: false, soon: true });
    expect(describeExpiry(new Date("2026-01-01T11:40:00Z"), now)).toEqual({ text: "expired 20 min ago", past: true, soon: false });
  });
});

describe("zonedDayEnd", () => {
  it("is the last millisecond of the day in the zone, across a daylight-saving change too", () => {
    expect(zonedDayEnd("2026-12-05", "Africa/Nairobi")?.toISOString()).toBe("2026-12-05T20:59:59.999Z");
    expect(zonedDayEnd("2026-12-31", "UTC")?.toISOString()).toBe("2026-12-31T23:59:59.999Z");
    // 29 March 2026: Europe/Berlin moves to UTC+2 during the day, so it ends at 21:59:59.999Z.
    expect(zonedDayEnd("2026-03-29", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T21:59:59.999Z");
    expect(zonedDayEnd("5 Dec", "Africa/Nairobi")).toBeNull();
  });
});
