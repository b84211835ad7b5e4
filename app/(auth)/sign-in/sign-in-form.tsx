"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      totpCode: String(form.get("totpCode") ?? ""),
    });
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setBusy(false);
    const message = res?.error ?? "Sign-in failed";
    const [reason, ...rest] = message.split(":");
    if (reason === "TOTP_REQUIRED") {
      setNeedTotp(true);
      setError(null);
    } else if (reason === "TOTP_INVALID" || reason === "TOTP_REUSED") {
      setNeedTotp(true);
      setError(rest.join(":"));
    } else {
      setError(message.replace(/^[A-Z_]+:/, ""));
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      <FormError message={error} />
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      {needTotp && (
        <Field label="Authentication code" htmlFor="totpCode" hint="The 6-digit code from your authenticator app, or a recovery code.">
          <Input id="totpCode" name="totpCode" inputMode="numeric" autoComplete="one-time-code" autoFocus />
        </Field>
      )}
      <Button type="submit" className="w-full" loading={busy}>
        Sign in
      </Button>
      <div className="flex items-center justify-between text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-600 hover:text-brand-700">
          Forgot password?
        </Link>
        <Link href="/register" className="font-medium text-slate-600 hover:text-slate-900">
          Register your ISP
        </Link>
      </div>
    </form>
  );
}
