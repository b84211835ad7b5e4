"use client";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormActions, TextField, SelectField, TextareaField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { CodeSelect } from "@/components/forms/code-select";
import type { CodeOption } from "@/lib/regions";
import { updateProfileAction } from "./actions";

type Profile = { name: string; currency: string; timezone: string; country: string; logoUrl: string; contactEmail: string; contactPhone: string; address: string };

export function ProfileForm({ tenant, timezones, countries, currencies, canEdit }: { tenant: Profile; timezones: string[]; countries: CodeOption[]; currencies: CodeOption[]; canEdit: boolean }) {
  const { pending, onSubmit, errors, formError, message } = useFormAction(updateProfileAction);
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormError message={formError} />
      {message && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {message}
        </p>
      )}
      <fieldset disabled={!canEdit} className="grid gap-5 sm:grid-cols-2">
        <TextField label="ISP name" name="name" errors={errors("name")} fieldClassName="sm:col-span-2" defaultValue={tenant.name} />
        <Field label="Currency" htmlFor="currency" errors={errors("currency")}>
          <CodeSelect id="currency" name="currency" options={currencies} defaultValue={tenant.currency} invalid={!!errors("currency")} showCode />
        </Field>
        <Field label="Country" htmlFor="country" errors={errors("country")}>
          <CodeSelect id="country" name="country" options={countries} defaultValue={tenant.country} invalid={!!errors("country")} />
        </Field>
        <SelectField label="Time zone" name="timezone" errors={errors("timezone")} defaultValue={tenant.timezone}>
          {timezones.map((tz) => (
            <option key={tz}>{tz}</option>
          ))}
        </SelectField>
        <TextField label="Logo URL" name="logoUrl" errors={errors("logoUrl")} hint="Shown on invoices and the captive portal." type="url" placeholder="https://…" defaultValue={tenant.logoUrl} />
        <TextField label="Contact email" name="contactEmail" errors={errors("contactEmail")} type="email" defaultValue={tenant.contactEmail} />
        <TextField label="Contact phone" name="contactPhone" errors={errors("contactPhone")} type="tel" placeholder="+254 712 345678" defaultValue={tenant.contactPhone} />
        <TextareaField label="Address" name="address" errors={errors("address")} fieldClassName="sm:col-span-2" rows={3} defaultValue={tenant.address} />
      </fieldset>
      {tenant.logoUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- an arbitrary external URL the tenant chose
        <img src={tenant.logoUrl} alt="Current logo" className="h-12 w-auto rounded" />
      )}
      {canEdit && (
        <FormActions>
          <Button type="submit" loading={pending}>
            Save changes
          </Button>
        </FormActions>
      )}
    </form>
  );
}
