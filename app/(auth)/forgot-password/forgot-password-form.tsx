"use client";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const { pending, onSubmit, errors, formError, message } = useFormAction(forgotPasswordAction);
  if (message) {
    return (
      <div role="status" className="mt-8 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
        {message}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      <FormError message={formError} />
      <Field label="Email" htmlFor="email" errors={errors("email")}>
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus invalid={!!errors("email")} />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        Send reset link
      </Button>
    </form>
  );
}
