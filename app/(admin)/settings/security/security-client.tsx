"use client";
import { useRouter } from "next/navigation";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, FormError, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { changeMyPasswordAction, disableMyTotpAction, updateSecurityAction } from "../actions";
import { TotpEnrolment } from "./totp-enrolment";

function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
      {text}
    </p>
  );
}

function ChangePassword() {
  const { pending, onSubmit, errors, formError, message } = useFormAction(changeMyPasswordAction, { reset: true });
  return (
    <Card>
      <CardHeader title="Password" description="Changing it signs you out on every other device." />
      <CardBody>
        <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-3 sm:items-start" noValidate>
          <div className="space-y-3 sm:col-span-3">
            <FormError message={formError && !errors("currentPassword") && !errors("newPassword") ? formError : null} />
            <Notice text={message} />
          </div>
          <Field label="Current password" htmlFor="currentPassword" errors={errors("currentPassword")}>
            <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" invalid={!!errors("currentPassword")} />
          </Field>
          <Field label="New password" htmlFor="newPassword" errors={errors("newPassword")} hint="At least 10 characters, not a common password.">
            <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" invalid={!!errors("newPassword")} />
          </Field>
          <Field label="Repeat new password" htmlFor="confirmPassword" errors={errors("confirmPassword")}>
            <Input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" invalid={!!errors("confirmPassword")} />
          </Field>
          <div className="sm:col-span-3">
            <Button type="submit" loading={pending}>
              Change password
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}

function TwoFactor({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const disable = useFormAction(disableMyTotpAction, { onSuccess: () => router.refresh() });
  return (
    <Card>
      <CardHeader
        title="Two-factor sign-in"
        description="A 6-digit code from an authenticator app, asked after your password."
        actions={enabled ? <Badge tone="green">On</Badge> : <Badge tone="gray">Off</Badge>}
      />
      <CardBody>
        {enabled ? (
          <form onSubmit={disable.onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
            <p className="flex w-full items-center gap-2 text-sm text-slate-600">
              <ShieldCheck className="size-4 text-emerald-600" aria-hidden /> Your account asks for a code at sign-in. To turn it off, confirm your password.
            </p>
            <Field label="Password" htmlFor="totp-off-password" errors={disable.errors("password")} className="w-64">
              <Input id="totp-off-password" name="password" type="password" autoComplete="current-password" invalid={!!disable.errors("password")} />
            </Field>
            <Button type="submit" variant="danger" loading={disable.pending}>
              <ShieldOff className="size-4" aria-hidden /> Turn off
            </Button>
            <div className="w-full">
              <FormError message={disable.formError && !disable.errors("password") ? disable.formError : null} />
            </div>
          </form>
        ) : (
          <TotpEnrolment onDone={() => router.refresh()} doneLabel="Done" />
        )}
      </CardBody>
    </Card>
  );
}

function Policy({ requireTotp }: { requireTotp: boolean }) {
  const { pending, onSubmit, formError, message } = useFormAction(updateSecurityAction);
  return (
    <Card>
      <CardHeader title="Sign-in policy" description="Applies to every member of your ISP." />
      <CardBody>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <FormError message={formError} />
          <Notice text={message} />
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" name="requireTotp" defaultChecked={requireTotp} className="mt-0.5 size-4 rounded border-slate-300" />
            <span>
              <span className="font-medium text-slate-900">Require two-factor sign-in for everyone</span>
              <span className="block text-slate-500">Members without it are asked to set it up right after signing in.</span>
            </span>
          </label>
          <Button type="submit" loading={pending}>
            Save policy
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

export function SecurityClient({ totpEnabled, canManagePolicy, requireTotp, impersonating }: { totpEnabled: boolean; canManagePolicy: boolean; requireTotp: boolean; impersonating: boolean }) {
  return (
    <div className="space-y-6">
      {impersonating ? (
        <Card>
          <CardBody>
            <p className="text-sm text-slate-600">You are viewing this ISP as the platform operator: your own password and two-factor settings are not managed here.</p>
          </CardBody>
        </Card>
      ) : (
        <>
          <TwoFactor enabled={totpEnabled} />
          <ChangePassword />
        </>
      )}
      {canManagePolicy && <Policy requireTotp={requireTotp} />}
    </div>
  );
}
