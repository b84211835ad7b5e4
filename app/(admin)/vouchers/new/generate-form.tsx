"use client";
// The voucher generation form: every field error beside its field, a live example code, and progress
// while a large batch is written; on success it opens the new batch.
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormActions, TextField, SelectField } from "@/components/ui/field";
import { generateVouchersAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { DEFAULT_CODE_LENGTH, MAX_CODE_LENGTH, minCodeLength } from "@/lib/services/vouchers/code-space";

function example(prefix: string, length: number, alphabet: string): string {
  let s = prefix;
  // Deterministic sample (no Math.random during render): walk the alphabet.
  for (let i = 0; i < Math.min(Math.max(length, 1), 24); i++) s += alphabet[(i * 7 + 3) % alphabet.length];
  return s;
}

export function GenerateVouchersForm({
  packages,
  charsets,
  minDate,
  liveVouchers,
}: {
  packages: { id: string; label: string }[];
  charsets: { key: string; label: string; alphabet: string }[];
  /** Tomorrow (YYYY-MM-DD), computed on the server. */
  minDate: string;
  /** The tenant's vouchers that can still log in (they share the code space with the new batch). */
  liveVouchers: number;
}) {
  const router = useRouter();
  const [count, setCount] = useState("100");
  const [prefix, setPrefix] = useState("");
  const [length, setLength] = useState(String(DEFAULT_CODE_LENGTH));
  const [charset, setCharset] = useState("safe");
  const { pending, onSubmit, errors, formError, state } = useFormAction(generateVouchersAction, {
    onSuccess: (batch) => router.push(`/vouchers/batches/${batch.batchId}?created=${batch.count}&ms=${batch.elapsedMs}`),
  });
  const alphabet = charsets.find((c) => c.key === charset)?.alphabet ?? charsets[0].alphabet;
  const sample = useMemo(() => example(prefix, Number(length) || 8, alphabet), [prefix, length, alphabet]);
  const n = Number(count) || 0;
  const minLength = minCodeLength(alphabet.length, Math.max(1, n) + liveVouchers);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5 p-5" aria-busy={pending}>
      <FormError message={formError} />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label="Hotspot package" name="packageId" errors={errors("packageId")} fieldClassName="sm:col-span-2" defaultValue={packages[0]?.id}>
          {packages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <TextField label="Batch name" name="name" errors={errors("name")} hint="Optional: defaults to the package and time, e.g. “Shop A · March”." maxLength={80} placeholder="e.g. Kiosk Umoja · week 12" />
        <TextField label="How many" name="count" errors={errors("count")} hint="1 to 10,000" type="number" inputMode="numeric" min={1} max={10000} value={count} onChange={(e) => setCount(e.target.value)} />
        <TextField label="Prefix" name="prefix" errors={errors("prefix")} hint="Optional: letters, digits and -, up to 12" maxLength={12} value={prefix} onChange={(e) => setPrefix(e.target.value)} placeholder="e.g. HS-" />
        <TextField label="Code length" name="length" errors={errors("length")} hint={`Random characters after the prefix, up to ${MAX_CODE_LENGTH}. So that codes cannot be guessed, at least ${minLength} from this set for ${(Math.max(1, n) + liveVouchers).toLocaleString("en")} live vouchers (this batch and your unused or active ones).`} type="number" inputMode="numeric" min={4} max={MAX_CODE_LENGTH} value={length} onChange={(e) => setLength(e.target.value)} />
        <SelectField label="Characters" name="charset" errors={errors("charset")} fieldClassName="sm:col-span-2" value={charset} onChange={(e) => setCharset(e.target.value)}>
          {charsets.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <TextField label="Redeem by" name="redeemBy" errors={errors("redeemBy")} hint="Optional: unused vouchers expire after this date" type="date" min={minDate} />
        <div className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-inset ring-slate-200">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Example code</p>
          <p className="mt-1 break-all font-mono text-lg font-semibold tracking-wider text-slate-900">{sample}</p>
          <p className="mt-1 text-xs text-slate-500">from {alphabet.length} characters: {alphabet}</p>
        </div>
      </div>
      <FormActions className="flex-row-reverse justify-start border-t border-slate-100 pt-4">
        <Button type="submit" loading={pending}>
          {pending ? `Generating ${n.toLocaleString()} voucher${n === 1 ? "" : "s"}…` : `Generate ${n > 0 ? n.toLocaleString() : ""} voucher${n === 1 ? "" : "s"}`}
        </Button>
        {pending && (
          <div className="flex-1" role="status" aria-live="polite">
            <div className="h-1.5 w-full max-w-xs overflow-hidden rounded-full bg-slate-100">
              <div className="h-1.5 w-1/3 animate-pulse rounded-full bg-brand-600" />
            </div>
            <p className="mt-1 text-xs text-slate-500">Drawing unique codes and saving them; large batches take a second or two.</p>
          </div>
        )}
        {state?.ok && <p role="status" className="text-sm text-emerald-700">Done: opening the batch…</p>}
      </FormActions>
    </form>
  );
}
