"use client";
// Turning on two-factor sign-in: scan the QR code (or type the key), confirm with a code, then keep
// the recovery codes that are shown this once.
import { useState, useTransition } from "react";
import { Copy, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { confirmEnrolmentAction, startEnrolmentAction } from "@/app/(auth)/actions";

type Enrolment = { manualKey: string; otpauthUrl: string; qrDataUrl: string };

export function TotpEnrolment({ onDone, doneLabel = "I have saved my recovery codes" }: { onDone: () => void; doneLabel?: string }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const confirm = useFormAction(confirmEnrolmentAction, { onSuccess: (data) => setCodes(data.recoveryCodes) });

  if (codes) {
    return (
      <div className="space-y-4">
        <div role="status" className="flex items-start gap-3 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          <ShieldCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
          Two-factor sign-in is on. Keep these recovery codes somewhere safe: each works once if you lose your phone. They are not shown again.
        </div>
        <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 ring-1 ring-inset ring-slate-200">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => navigator.clipboard?.writeText(codes.join("\n"))}>
            <Copy className="size-4" aria-hidden /> Copy codes
          </Button>
          <Button type="button" onClick={onDone}>
            {doneLabel}
          </Button>
        </div>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="space-y-3">
        <FormError message={startError} />
        <Button
          type="button"
          loading={starting}
          onClick={() =>
            startTransition(async () => {
              const r = await startEnrolmentAction(null, {});
              if (r.ok) setEnrolment(r.data);
              else setStartError(r.error);
            })
          }
        >
          Set up an authenticator app
        </Button>
      </div>
    );
  }

  return (
    <div className="grid gap-6 sm:grid-cols-[auto_1fr]">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
      <img src={enrolment.qrDataUrl} alt="QR code for your authenticator app" width={180} height={180} className="rounded-lg ring-1 ring-slate-200" />
      <div className="space-y-4">
        <p className="text-sm text-slate-600">
          Scan the code with Google Authenticator, Microsoft Authenticator, 1Password or a similar app. Cannot scan? Enter this key:
        </p>
        <p className="break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-inset ring-slate-200" data-testid="totp-manual-key">
          {enrolment.manualKey}
        </p>
        <form onSubmit={confirm.onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
          <Field label="6-digit code from the app" htmlFor="code" errors={confirm.errors("code")} className="w-48">
            <Input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required invalid={!!confirm.errors("code")} />
          </Field>
          <Button type="submit" loading={confirm.pending}>
            Turn on
          </Button>
        </form>
        <FormError message={confirm.formError && !confirm.errors("code") ? confirm.formError : null} />
      </div>
    </div>
  );
}
