"use client";
// Credit or debit a customer's wallet by hand, with the reason (required); the history below shows it.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormError, TextField, SelectField } from "@/components/ui/field";
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
        <SelectField label="Direction" name="direction" id="wallet-direction" errors={errors("direction")} defaultValue="CREDIT">
          <option value="CREDIT">Credit (add)</option>
          <option value="DEBIT">Debit (take)</option>
        </SelectField>
        <TextField label={`Amount (${currency})`} name="amount" id="wallet-amount" errors={errors("amount")} inputMode="decimal" placeholder="0" />
        <TextField label="Reason" name="reason" id="wallet-reason" errors={errors("reason")} hint="Kept in the history and the audit log" maxLength={300} />
      </div>
      <Button type="submit" variant="secondary" loading={pending}>
        Post adjustment
      </Button>
    </form>
  );
}
