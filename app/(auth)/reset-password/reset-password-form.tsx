"use client";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, pending, onSubmit, errors, formError } = useFormAction(resetPasswordAction);
  if (state?.ok) {
    return (
      <div className="mt-8 space-y-4">
        <div role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          Your password has been changed. Every earlier session has been signed out.
        </div>
        <Link href="/sign-in" className={buttonClasses("primary", "md", "w-full")}>
          Sign in
        </Link>
      </div>
    );
  }
  const tokenError = errors("token")?.[0];
  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      <FormError message={tokenError ?? formError} />
      <input type="hidden" name="token" value={token} />
      <Field label="New password" htmlFor="password" errors={errors("password")} hint="At least 10 characters, not a common password.">
        <Input id="password" name="password" type="password" autoComplete="new-password" required autoFocus invalid={!!errors("password")} />
      </Field>
      <Field label="Repeat the new password" htmlFor="confirmPassword" errors={errors("confirmPassword")}>
        <Input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required invalid={!!errors("confirmPassword")} />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        Set new password
      </Button>
      {tokenError && (
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-600">
            Ask for a new link
          </Link>
        </p>
      )}
    </form>
  );
}
