// Money in integer minor units (cents) at rest; these convert to and from what people type and read.
import { z } from "zod";

/** "1,500.50" or 1500.5 (major units) → 150050 minor units. */
export function toMinorUnits(major: number): number {
  return Math.round(major * 100);
}

/** 150050 → "KES 1,500.50" (whole amounts without decimals: "KES 1,500"). */
export function formatMoney(minor: number, currency: string): string {
  const major = minor / 100;
  const whole = Number.isInteger(major);
  return `${currency} ${major.toLocaleString("en-US", { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })}`;
}

/** An amount in major units from a form ("1,500.50") or JSON (1500.5), at most 2 decimals; convert with toMinorUnits. */
export const moneyField = (label = "Amount") =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[,\s]/g, "") : v),
    z.coerce
      .number({ message: `${label} must be a number` })
      .refine((n) => Number.isFinite(n), `${label} must be a number`)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${label} may have at most 2 decimals`)
      .refine((n) => n > 0, `${label} must be more than 0`)
      .refine((n) => n <= 10_000_000, `${label} is too large`),
  );
