"use client";
// Credit or debit a customer's wallet by hand, with the reason (required); the history below shows it.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { adjustWalletAction } from "../actions";

export function WalletAdjustForm({ customerId, currency }: { customerId: string; currency: string }) {
  const router = useRouter();
  const { pending, onSubmit, errors, formError, message } = useFormAction(adjustWalletAction, { reset: true, onSuccess: () => router.refresh() });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 border-t border-slate-100 p-5" aria-label="Adjust wallet">
      <input type="hidden" name="customerId" value={customerId} />
      <p className="text-sm font-medium text-slate-900">Adjust the wallet</p>
      <FormError message={formError} />
      {message && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {message}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Direction" htmlFor="wallet-direction" errors={errors("direction")}>
          <Select id="wallet-direction" name="direction" defaultValue="CREDIT">
            <option value="CREDIT">Credit (add)</option>
            <option value="DEBIT">Debit (take)</option>
          </Select>
        </Field>
        <Field label={`Amount (${currency})`} htmlFor="wallet-amount" errors={errors("amount")}>
          <Input id="wallet-amount" name="amount" inputMode="decimal" placeholder="0" invalid={!!errors("amount")} />
        </Field>
        <Field label="Reason" htmlFor="wallet-reason" errors={errors("reason")} hint="Kept in the history and the audit log">
          <Input id="wallet-reason" name="reason" maxLength={300} invalid={!!errors("reason")} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" loading={pending}>
        Post adjustment
      </Button>
    </form>
  );
}
