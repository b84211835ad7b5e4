"use client";
import { useState, useTransition } from "react";
import { UserPlus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, EmptyState } from "@/components/ui/card";
import { FormError, TextField, SelectField } from "@/components/ui/field";
import { roleLabels, tenantRoleOptions } from "@/lib/auth/permissions";
import { formatDateTime, zoneAbbreviation, zoneLabel } from "@/lib/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { createUserAction, issueResetLinkAction, setUserActiveAction, updateUserAction } from "../actions";

type Role = "SUPER_ADMIN" | "ADMIN" | "STAFF" | "VIEWER";
type Member = { id: string; name: string; email: string; role: Role; active: boolean; totpEnabled: boolean; lastLoginAt: string | null; createdAt: string };

const roleHelp: Record<string, string> = {
  ADMIN: "Everything, including team, settings and API keys",
  STAFF: "Day-to-day work: customers, vouchers, sessions, payments",
  VIEWER: "Read-only access",
};

function LinkNotice({ url, email }: { url: string; email: string }) {
  return (
    <div role="status" className="space-y-1 rounded-lg bg-blue-50 px-3 py-2 text-sm text-blue-900 ring-1 ring-inset ring-blue-200">
      <p>A reset link was mailed to {email} (see the mail outbox). It works once, for one hour:</p>
      <p className="break-all font-mono text-xs" data-testid="reset-link">
        {url}
      </p>
    </div>
  );
}

function AddMember() {
  const [mode, setMode] = useState<"link" | "password">("password");
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit, errors, formError } = useFormAction(createUserAction, { reset: true });
  const created = state?.ok ? state.data : null;
  if (!open) {
    return (
      <Button type="button" onClick={() => setOpen(true)}>
        <UserPlus className="size-4" aria-hidden /> Add team member
      </Button>
    );
  }
  return (
    <Card className="mb-6">
      <CardHeader title="Add a team member" description="They sign in with their email. Choose an initial password, or send them a link to choose their own." />
      <CardBody>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <FormError message={formError} />
          {created && (
            <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
              {created.email} was added.
            </p>
          )}
          {created?.resetUrl && <LinkNotice url={created.resetUrl} email={created.email} />}
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField label="Name" name="name" id="new-name" errors={errors("name")} required />
            <TextField label="Email" name="email" id="new-email" errors={errors("email")} type="email" required />
            <SelectField label="Role" name="role" id="new-role" errors={errors("role")} hint={roleHelp.STAFF} defaultValue="STAFF" options={tenantRoleOptions} />
          </div>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Password</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="passwordMode" value="password" checked={mode === "password"} onChange={() => setMode("password")} /> Set an initial password
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="passwordMode" value="link" checked={mode === "link"} onChange={() => setMode("link")} /> Send a link to choose one
              </label>
            </div>
            {mode === "password" && (
              <TextField label="Initial password" name="password" id="new-password" errors={errors("password")} hint="At least 10 characters. Tell them to change it after signing in." type="password" autoComplete="new-password" className="sm:max-w-xs" />
            )}
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" loading={pending}>
              Add member
            </Button>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}

function MemberRow({ m, canEdit, isMe, timeZone }: { m: Member; canEdit: boolean; isMe: boolean; timeZone: string }) {
  const [editing, setEditing] = useState(false);
  const [busy, start] = useTransition();
  const [rowError, setRowError] = useState<string | null>(null);
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const edit = useFormAction(updateUserAction, { onSuccess: () => setEditing(false) });

  const toggleActive = () =>
    start(async () => {
      const r = await setUserActiveAction(null, { id: m.id, active: !m.active });
      setRowError(r.ok ? null : r.error);
    });
  const sendLink = () =>
    start(async () => {
      const r = await issueResetLinkAction(null, { id: m.id });
      if (r.ok) setLink(r.data);
      setRowError(r.ok ? null : r.error);
    });

  return (
    <li className="px-5 py-4" data-testid={`member-${m.email}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            {m.name} {isMe && <span className="text-xs font-normal text-slate-500">(you)</span>}
          </p>
          <p className="truncate text-sm text-slate-500">{m.email}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={m.role === "ADMIN" ? "indigo" : m.role === "STAFF" ? "blue" : "gray"}>{roleLabels[m.role]}</Badge>
          {m.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}
          {m.totpEnabled && <Badge tone="gray">2FA</Badge>}
          <span className="text-xs text-slate-500" data-testid="last-sign-in" title={zoneLabel(timeZone)}>
            {m.lastLoginAt ? `Last sign-in ${formatDateTime(m.lastLoginAt, timeZone)} ${zoneAbbreviation(timeZone)}` : "Never signed in"}
          </span>
          {canEdit && (
            <>
              <Button size="sm" variant="secondary" onClick={() => setEditing((v) => !v)}>
                Edit
              </Button>
              {m.active && (
                <Button size="sm" variant="secondary" onClick={sendLink} disabled={busy}>
                  Reset link
                </Button>
              )}
              <Button size="sm" variant={m.active ? "danger" : "secondary"} onClick={toggleActive} disabled={busy}>
                {m.active ? "Deactivate" : "Reactivate"}
              </Button>
            </>
          )}
        </div>
      </div>
      {rowError && <p role="alert" className="mt-2 text-sm text-red-600">{rowError}</p>}
      {link && (
        <div className="mt-3">
          <LinkNotice {...link} />
        </div>
      )}
      {editing && (
        <form onSubmit={edit.onSubmit} className="mt-4 grid gap-3 rounded-lg bg-slate-50 p-4 sm:grid-cols-[1fr_1fr_12rem_auto] sm:items-end" noValidate>
          <input type="hidden" name="id" value={m.id} />
          <TextField label="Name" name="name" id={`name-${m.id}`} errors={edit.errors("name")} defaultValue={m.name} />
          <TextField label="Email" name="email" id={`email-${m.id}`} errors={edit.errors("email")} type="email" defaultValue={m.email} />
          <SelectField label="Role" name="role" id={`role-${m.id}`} errors={edit.errors("role")} defaultValue={m.role} options={tenantRoleOptions} />
          <Button type="submit" loading={edit.pending}>
            Save
          </Button>
          {edit.formError && !Object.keys(edit.state && !edit.state.ok ? edit.state.fieldErrors : {}).length && (
            <p role="alert" className="text-sm text-red-600 sm:col-span-4">
              {edit.formError}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

export function TeamClient({ members, canEdit, meId, timeZone }: { members: Member[]; canEdit: boolean; meId: string; timeZone: string }) {
  return (
    <>
      {canEdit && (
        <div className="mb-6">
          <AddMember />
        </div>
      )}
      <Card>
        <CardHeader title={`${members.length} ${members.length === 1 ? "member" : "members"}`} description="Deactivating someone signs them out everywhere at once." />
        {members.length === 0 ? (
          <EmptyState title="No team members yet" />
        ) : (
          <ul className="divide-y divide-slate-100">
            {members.map((m) => (
              <MemberRow key={m.id} m={m} canEdit={canEdit} isMe={m.id === meId} timeZone={timeZone} />
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
