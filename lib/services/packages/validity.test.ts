import { describe, expect, it } from "vitest";
import { addMonths, addValidity } from "./validity";

const NBO = "Africa/Nairobi";
const month = { validityValue: 1, validityUnit: "MONTHS" } as const;
const iso = (d: Date) => d.toISOString();

describe("addValidity", () => {
  it("months keep the local day and time and clamp to the month end", () => {
    // 31 Jan 12:00 Nairobi (09:00Z) → 28 Feb 12:00 Nairobi.
    expect(iso(addValidity(new Date("2026-01-31T09:00:00Z"), month, NBO))).toBe("2026-02-28T09:00:00.000Z");
    expect(iso(addValidity(new Date("2028-01-31T09:00:00Z"), month, NBO))).toBe("2028-02-29T09:00:00.000Z"); // leap year
    expect(iso(addValidity(new Date("2026-03-31T09:00:00Z"), month, NBO))).toBe("2026-04-30T09:00:00.000Z");
    expect(iso(addValidity(new Date("2026-12-31T09:00:00Z"), month, NBO))).toBe("2027-01-31T09:00:00.000Z");
    // Several periods count from the start, not month by clamped month.
    expect(iso(addValidity(new Date("2026-01-31T09:00:00Z"), month, NBO, 2))).toBe("2026-03-31T09:00:00.000Z");
    expect(iso(addValidity(new Date("2024-02-29T09:00:00Z"), { validityValue: 12, validityUnit: "MONTHS" }, NBO))).toBe("2025-02-28T09:00:00.000Z");
  });

  it("months are counted on the tenant's calendar, not UTC's", () => {
    // 22:00Z on 30 January is 01:00 on 31 January in Nairobi: one month later is 28 Feb 01:00 local.
    // Counted in UTC (30 Jan + 1 month = 28 Feb 22:00Z) it was 1 March in Nairobi.
    expect(iso(addValidity(new Date("2026-01-30T22:00:00Z"), month, NBO))).toBe("2026-02-27T22:00:00.000Z");
    // 23:30 on 31 March in Nairobi (20:30Z) → 23:30 on 30 April local.
    expect(iso(addMonths(new Date("2026-03-31T20:30:00Z"), 1, NBO))).toBe("2026-04-30T20:30:00.000Z");
    // A zone with DST keeps the local wall-clock time across the change (New York, EST → EDT).
    expect(iso(addMonths(new Date("2026-02-15T17:00:00Z"), 1, "America/New_York"))).toBe("2026-03-15T16:00:00.000Z");
  });

  it("minutes, hours and days are elapsed time: a daily package bought at 23:30 Nairobi ends at 23:30 the next day", () => {
    const bought = new Date("2026-05-10T20:30:00Z"); // 23:30 EAT
    const end = addValidity(bought, { validityValue: 1, validityUnit: "DAYS" }, NBO);
    expect(iso(end)).toBe("2026-05-11T20:30:00.000Z");
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: NBO, timeStyle: "short" }).format(end)).toBe("23:30");
    expect(addValidity(bought, { validityValue: 30, validityUnit: "DAYS" }, NBO).getTime() - bought.getTime()).toBe(30 * 86_400_000);
    expect(addValidity(bought, { validityValue: 3, validityUnit: "HOURS" }, NBO, 2).getTime() - bought.getTime()).toBe(6 * 3_600_000);
    expect(addValidity(bought, { validityValue: 90, validityUnit: "MINUTES" }, NBO).getTime() - bought.getTime()).toBe(90 * 60_000);
    // Across a DST change a day is still 24 hours.
    const ny = new Date("2026-03-07T12:00:00Z");
    expect(addValidity(ny, { validityValue: 1, validityUnit: "DAYS" }, "America/New_York").getTime() - ny.getTime()).toBe(86_400_000);
  });
});
