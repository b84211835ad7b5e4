"use client";
// Shown on a renewal form when the amount typed is below the package price: the shortfall, and the
// three things staff can make of it (the rule itself is applyRenewalPayment's).
import { formatMoney, toMinorUnits } from "@/lib/money";
import { shortfallActionLabels, shortfallActions, shortfallOf, type ShortfallAction } from "@/lib/services/payments/shortfall";

/** The amount typed in minor units, or null while it is blank or not a number yet. */
export function typedMinor(amount: string, currency: string): number | null {
  if (amount.trim() === "") return null;
  try {
    return toMinorUnits(amount, currency);
  } catch {
    return null;
  }
}

export function ShortfallChoice({
  idPrefix,
  amount,
  price,
  packageName,
  currency,
  value,
  onChange,
  errors,
}: {
  idPrefix: string;
  amount: string;
  price: number;
  packageName: string;
  currency: string;
  value: ShortfallAction | "";
  onChange: (v: ShortfallAction) => void;
  errors?: string[];
}) {
  const paid = typedMinor(amount, currency);
  const shortfall = paid === null ? 0 : shortfallOf(paid, price);
  if (shortfall === 0) return null;
  return (
    <fieldset className={`space-y-2 rounded-lg p-3 ring-1 ring-inset ${errors?.length ? "bg-red-50 ring-red-300" : "bg-amber-50 ring-amber-200"}`} data-testid="shortfall">
      <legend className="sr-only">Shortfall</legend>
      <p className="text-sm text-amber-900" role="status">
        <strong>{formatMoney(shortfall, currency)} short</strong> of {packageName} ({formatMoney(price, currency)}): {formatMoney(paid!, currency)} paid. Choose what to do:
      </p>
      {shortfallActions.map((a) => (
        <label key={a} htmlFor={`${idPrefix}-${a}`} className="flex items-center gap-2 text-sm text-slate-800">
          <input id={`${idPrefix}-${a}`} type="radio" name="shortfallAction" value={a} checked={value === a} onChange={() => onChange(a)} />
          {shortfallActionLabels[a]}
        </label>
      ))}
      {errors?.map((e) => (
        <p key={e} className="text-sm text-red-700">
          {e}
        </p>
      ))}
    </fieldset>
  );
}
