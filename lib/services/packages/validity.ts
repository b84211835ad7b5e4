// Package validity arithmetic shared by renewals, wallet auto-renew and previews: calendar months clamp
// to the last day of the month (31 Jan + 1 month = 28/29 Feb), as subscribers expect.
export type ValidityUnit = "MINUTES" | "HOURS" | "DAYS" | "MONTHS";

export function addValidity(from: Date, validity: { validityValue: number; validityUnit: ValidityUnit }, periods = 1): Date {
  const n = validity.validityValue * periods;
  switch (validity.validityUnit) {
    case "MINUTES":
      return new Date(from.getTime() + n * 60_000);
    case "HOURS":
      return new Date(from.getTime() + n * 3_600_000);
    case "DAYS":
      return new Date(from.getTime() + n * 86_400_000);
    case "MONTHS": {
      const d = new Date(from.getTime());
      const day = d.getUTCDate();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() + n);
      const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      d.setUTCDate(Math.min(day, lastDay));
      return d;
    }
  }
}

export function formatValidity(v: { validityValue: number; validityUnit: ValidityUnit }): string {
  const unit = v.validityUnit.toLowerCase();
  return `${v.validityValue} ${v.validityValue === 1 ? unit.slice(0, -1) : unit}`;
}
