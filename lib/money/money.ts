// Money: integer minor units of the tenant's currency at rest and in every service result; these are the
// only conversions to and from what people type and read. The exponent of each currency is ISO 4217's.
import { AppError } from "@/lib/errors";

/** Currencies whose exponent is not 2 (ISO 4217). Every other code has 2 decimals. */
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** How many decimals the currency has: 2 for KES, 0 for UGX or JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

const TYPED = /^(\d+)(?:\.(\d*))?$/;

/**
 * What a person typed ("1,500.50", " 1500 ", 1500.5) → minor units of the currency (150050 for KES, 1500
 * for "1,500" UGX). Grouping commas and spaces are ignored. Too many decimals for the currency, a sign,
 * or anything that is not a number throws INVALID_INPUT naming the field.
 */
export function toMinorUnits(typed: string | number, currency: string, field = "amount", label = "Amount"): number {
  const exp = currencyExponent(currency);
  const fail = (message: string): never => {
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { [field]: [message] } });
  };
  if (typeof typed === "number" && !Number.isFinite(typed)) fail(`${label} must be a number`);
  // A JS number is printed without exponent notation for the sizes money has (< 1e21).
  const text = typeof typed === "number" ? String(typed) : typed.replace(/[,\s]/g, "");
  if (text.startsWith("-")) fail(`${label} cannot be negative`);
  const m = TYPED.exec(text);
  if (!m) return fail(`${label} must be a number such as 1,500${exp ? `.${"5".padEnd(exp, "0")}` : ""}`);
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > exp) fail(exp === 0 ? `${label} must be a whole number of ${currency}` : `${label} may have at most ${exp} decimals`);
  const minor = Number(m[1]) * 10 ** exp + Number(fraction.padEnd(exp, "0") || "0");
  if (!Number.isSafeInteger(minor) || minor > 2_000_000_000) fail(`${label} is too large`);
  return minor;
}

function groups(whole: bigint): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function split(minor: number, currency: string): { sign: string; whole: bigint; fraction: string; exp: number } {
  if (!Number.isInteger(minor)) throw new RangeError(`Money must be integer minor units, got ${minor}`);
  const exp = currencyExponent(currency);
  const abs = BigInt(Math.abs(minor));
  const unit = 10n ** BigInt(exp);
  return { sign: minor < 0 ? "-" : "", whole: abs / unit, fraction: exp ? (abs % unit).toString().padStart(exp, "0") : "", exp };
}

/**
 * Minor units → what people read: "KES 1,500", "KES 1,500.50", "UGX 20,000", "-KES 200". Decimals show only
 * when the amount has a fraction, and then all of the currency's decimals.
 */
export function formatMoney(minor: number, currency: string): string {
  const { sign, whole, fraction } = split(minor, currency);
  const tail = fraction && /[1-9]/.test(fraction) ? `.${fraction}` : "";
  return `${sign}${currency} ${groups(whole)}${tail}`;
}

/** Minor units → the value an amount input is prefilled with: "1500", "1500.50" (no grouping, no code). */
export function formatMoneyInput(minor: number, currency: string): string {
  const { sign, whole, fraction } = split(minor, currency);
  return `${sign}${whole}${fraction && /[1-9]/.test(fraction) ? `.${fraction}` : ""}`;
}

/** Minor units → a short axis label: "1.5K", "12M" (the currency is named by the chart). */
export function formatMoneyCompact(minor: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(minor / 10 ** currencyExponent(currency));
}
