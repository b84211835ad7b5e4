"use client";
// The "Record payment" form: find the customer by name, username or phone, pick the package (the amount
// follows its price until edited), method and reference; every field error shows beside its field.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Field, FormError, Input, TextField, SelectField, TextareaField } from "@/components/ui/field";
import { recordPaymentAction, searchPaymentCustomersAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { dateOnly } from "../../vouchers/_lib/format";
import { formatMoney, formatMoneyInput } from "@/lib/money";
import { ShortfallChoice, typedMinor } from "@/components/forms/shortfall-choice";
import type { ShortfallAction } from "@/lib/services/payments/shortfall";
import { formatPhone } from "@/lib/net/phone";

export interface CustomerOption {
  id: string;
  name: string;
  username: string;
  phone: string | null;
  status: string;
  expiresAt: string | null;
  walletBalance: number;
  packageId: string | null;
  packageName: string | null;
  packagePrice: number | null;
}


function CustomerPicker({ value, onChange, errors, timeZone, currency }: { value: CustomerOption | null; onChange: (c: CustomerOption | null) => void; errors?: string[]; timeZone: string; currency: string }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<CustomerOption[]>([]);
  const [searching, start] = useTransition();
  const [searched, setSearched] = useState(false);

  useEffect(() => {
    if (value || q.trim().length < 2) return;
    const t = setTimeout(() => {
      start(async () => {
        const r = await searchPaymentCustomersAction(null, { q });
        setResults(r.ok ? r.data : []);
        setSearched(true);
      });
    }, 250);
    return () => clearTimeout(t);
  }, [q, value]);

  if (value) {
    return (
      <div className="flex items-start justify-between gap-3 rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-inset ring-slate-200">
        <input type="hidden" name="customerId" value={value.id} />
        <div>
          <p className="font-medium text-slate-900">
            {value.name} <span className="font-normal text-slate-500">· {value.username}</span>
          </p>
          <p className="mt-0.5 text-xs text-slate-600">
            <Badge tone={value.status === "ACTIVE" ? "green" : value.status === "EXPIRED" ? "gray" : "yellow"}>{value.status.toLowerCase()}</Badge>{" "}
            {value.packageName ?? "no package"} · expires {dateOnly(value.expiresAt, timeZone)} · wallet {formatMoney(value.walletBalance, currency)}
            {value.phone ? ` · ${formatPhone(value.phone)}` : ""}
          </p>
        </div>
        <button type="button" onClick={() => onChange(null)} className="rounded-md p-1 text-slate-500 hover:bg-slate-200" aria-label="Choose another customer">
          <X className="size-4" />
        </button>
      </div>
    );
  }
  return (
    <div className="relative">
      <input type="hidden" name="customerId" value="" />
      <Search className="pointer-events-none absolute left-3 top-3 size-4 text-slate-400" aria-hidden />
      <Input
        id="customerSearch"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="customer-results"
        autoComplete="off"
        className="pl-9"
        placeholder="Type a name, username or phone"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        invalid={!!errors}
      />
      {searching && <span className="absolute right-3 top-3 size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-label="Searching" />}
      {q.trim().length >= 2 && (results.length > 0 || searched) && (
        <ul id="customer-results" role="listbox" className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200">
          {results.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No customer matches “{q}”.</li>}
          {results.map((c) => (
            <li key={c.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="block w-full px-3 py-2 text-left hover:bg-slate-50"
                onClick={() => {
                  onChange(c);
                  setQ("");
                  setResults([]);
                }}
              >
                <span className="font-medium text-slate-900">{c.name}</span> <span className="text-sm text-slate-500">{c.username}</span>
                <span className="block text-xs text-slate-500">
                  {c.packageName ?? "no package"} · {c.phone ? formatPhone(c.phone) : "no phone"}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function typedAmount(amount: string, currency: string): string {
  const minor = typedMinor(amount, currency);
  return minor === null ? `${currency} ${amount}` : formatMoney(minor, currency);
}

export function RecordPaymentForm({
  currency,
  timeZone,
  packages,
  initialCustomer,
}: {
  currency: string;
  timeZone: string;
  packages: { id: string; name: string; price: number; type: string }[];
  initialCustomer: CustomerOption | null;
}) {
  const router = useRouter();
  const [customer, setCustomer] = useState<CustomerOption | null>(initialCustomer);
  const [packageId, setPackageId] = useState(initialCustomer?.packageId ?? "");
  const [purpose, setPurpose] = useState("RENEWAL");
  const [method, setMethod] = useState("CASH");
  const major = (minor: number) => formatMoneyInput(minor, currency);
  const [amount, setAmount] = useState(initialCustomer?.packagePrice != null ? major(initialCustomer.packagePrice) : "");
  const [amountEdited, setAmountEdited] = useState(false);
  const [shortfallAction, setShortfallAction] = useState<ShortfallAction | "">("");
  const { pending, onSubmit, errors, formError } = useFormAction(recordPaymentAction, {
    onSuccess: (p) => router.push(p.status === "COMPLETED" ? `/payments/${p.id}/receipt?new=1` : "/payments"),
  });

  const pickCustomer = (c: CustomerOption | null) => {
    setCustomer(c);
    if (c?.packageId) {
      setPackageId(c.packageId);
      if (!amountEdited && c.packagePrice != null && purpose === "RENEWAL") setAmount(major(c.packagePrice));
    }
  };
  const pickPackage = (id: string) => {
    setPackageId(id);
    const p = packages.find((x) => x.id === id);
    if (p && !amountEdited && purpose === "RENEWAL") setAmount(major(p.price));
  };
  const pkg = packages.find((p) => p.id === packageId);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5 p-5">
      <FormError message={formError} />
      <Field label="Customer" htmlFor="customerSearch" errors={errors("customerId")}>
        <CustomerPicker value={customer} onChange={pickCustomer} errors={errors("customerId")} timeZone={timeZone} currency={currency} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label="Payment for" name="purpose" errors={errors("purpose")} value={purpose} onChange={(e) => setPurpose(e.target.value)}>
          <option value="RENEWAL">Renewal of a package</option>
          <option value="WALLET_TOPUP">Wallet top-up</option>
        </SelectField>
        <SelectField label="Package" name="packageId" errors={errors("packageId")} hint={purpose === "RENEWAL" ? "The customer moves to this package if it differs" : "Optional for a top-up"} value={packageId} onChange={(e) => pickPackage(e.target.value)}>
          <option value="">{purpose === "RENEWAL" ? "Choose a package" : "None"}</option>
          {packages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {formatMoney(p.price, currency)}
            </option>
          ))}
        </SelectField>
        <TextField label={`Amount (${currency})`} name="amount" errors={errors("amount")} hint={pkg && purpose === "RENEWAL" ? `Package price: ${formatMoney(pkg.price, currency)}` : undefined} inputMode="decimal" value={amount} onChange={(e) => {
              setAmount(e.target.value);
              setAmountEdited(true);
            }} placeholder={pkg ? major(pkg.price) : "0"} />
        {pkg && purpose === "RENEWAL" && (
          <div className="sm:col-span-2">
            <ShortfallChoice
              idPrefix="shortfall"
              amount={amount}
              price={pkg.price}
              packageName={pkg.name}
              currency={currency}
              value={shortfallAction}
              onChange={setShortfallAction}
              errors={errors("shortfallAction")}
            />
          </div>
        )}
        <SelectField label="Method" name="method" errors={errors("method")} value={method} onChange={(e) => setMethod(e.target.value)}>
          <option value="CASH">Cash</option>
          <option value="MPESA">M-Pesa</option>
          <option value="BANK_TRANSFER">Bank transfer</option>
          <option value="CARD">Card</option>
          <option value="OTHER">Other</option>
        </SelectField>
        <TextField label="Reference" name="reference" errors={errors("reference")} hint={method === "MPESA" ? "The M-Pesa transaction code, e.g. SFK3XY12AB" : method === "BANK_TRANSFER" ? "The bank reference" : "Optional"} maxLength={100} autoCapitalize="characters" />
        <SelectField label="Status" name="status" errors={errors("status")} hint="Pending: not confirmed yet; it takes effect when marked completed" defaultValue="COMPLETED">
          <option value="COMPLETED">Completed (money received)</option>
          <option value="PENDING">Pending</option>
        </SelectField>
        <TextField label="Payer phone" name="phone" errors={errors("phone")} hint="Optional: defaults to the customer's phone" type="tel" inputMode="tel" />
        <TextareaField label="Notes" name="notes" errors={errors("notes")} fieldClassName="sm:col-span-2" rows={2} maxLength={500} />
      </div>
      <div className="flex items-center gap-3 border-t border-slate-100 pt-4">
        <Button type="submit" loading={pending}>
          Record payment
        </Button>
        {customer && amount && (
          <p className="text-sm text-slate-600">
            {typedAmount(amount, currency)} from {customer.name}
            {purpose === "RENEWAL" && pkg ? ` renews ${pkg.name}` : purpose === "WALLET_TOPUP" ? " to the wallet" : ""}
          </p>
        )}
      </div>
    </form>
  );
}
