"use client";
import { useState, useTransition } from "react";
import { KeyRound } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Card, CardBody, CardHeader, EmptyState } from "@/components/ui/card";
import { FormError, TextField, SelectField } from "@/components/ui/field";
import { roleLabels, tenantRoleOptions } from "@/lib/auth/permissions";
import { formatDateTime, zoneAbbreviation, zoneLabel } from "@/lib/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { createApiKeyAction, revokeApiKeyAction } from "../actions";

type Key = { id: string; name: string; prefix: string; role: "SUPER_ADMIN" | "ADMIN" | "STAFF" | "VIEWER"; createdAt: string; lastUsedAt: string | null; revokedAt: string | null; createdBy: string | null };


function RevokeButton({ id }: { id: string }) {
  const [busy, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { confirmFirst, dialog } = useConfirm("Revoke", "danger");
  return (
    <>
      {dialog}
      <Button
        size="sm"
        variant="danger"
        disabled={busy}
        onClick={() => {
          confirmFirst("Revoke this key? Integrations using it stop at once.", () =>
            start(async () => {
              const r = await revokeApiKeyAction(null, { id });
              setError(r.ok ? null : r.error);
            }),
          );
        }}
      >
        Revoke
      </Button>
      {error && <span className="text-sm text-red-600">{error}</span>}
    </>
  );
}

export function ApiKeysClient({ keys, timeZone }: { keys: Key[]; timeZone: string }) {
  const { state, pending, onSubmit, errors, formError } = useFormAction(createApiKeyAction, { reset: true });
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Create a key" description="The key is shown once. Store it in your integration's secret store." />
        <CardBody>
          <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
            <TextField label="Name" name="name" id="key-name" errors={errors("name")} fieldClassName="min-w-56 flex-1" placeholder="e.g. Billing sync" />
            <SelectField label="Role" name="role" id="key-role" errors={errors("role")} fieldClassName="w-40" defaultValue="VIEWER" options={[...tenantRoleOptions].reverse()} />
            <Button type="submit" loading={pending}>
              <KeyRound className="size-4" aria-hidden /> Create key
            </Button>
          </form>
          <div className="mt-3">
            <FormError message={formError} />
          </div>
          {created && (
            <div role="status" className="mt-4 space-y-2 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
              <p className="font-medium">Copy “{created.name}” now: it will not be shown again.</p>
              <div className="flex flex-wrap items-center gap-2">
                <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200" data-testid="new-api-key">
                  {created.key}
                </code>
                <CopyButton value={created.key} label="Copy key" />
              </div>
            </div>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Keys" />
        <Table
          empty={<EmptyState title="No API keys yet" description="Create one above to connect billing, monitoring or your own tools." />}
          label="API keys"
          rows={keys}
          rowKey={(k) => k.id}
          columns={[
            { key: "name", header: "Name", className: "font-medium text-slate-900", cell: (k) => k.name },
            { key: "key", header: "Key", className: "font-mono text-xs text-slate-500", cell: (k) => `isp_${k.prefix}_…` },
            { key: "role", header: "Role", cell: (k) => roleLabels[k.role] },
            {
              key: "created",
              header: <span title={zoneLabel(timeZone)}>Created ({zoneAbbreviation(timeZone)})</span>,
              label: "Created",
              className: "text-slate-500",
              cell: (k) => `${formatDateTime(k.createdAt, timeZone)}${k.createdBy ? ` by ${k.createdBy}` : ""}`,
            },
            { key: "used", header: <span title={zoneLabel(timeZone)}>Last used ({zoneAbbreviation(timeZone)})</span>, label: "Last used", className: "text-slate-500", cell: (k) => formatDateTime(k.lastUsedAt, timeZone) },
            { key: "actions", header: <span className="sr-only">Actions</span>, label: "", className: "text-right", cell: (k) => (k.revokedAt ? <Badge tone="red">Revoked</Badge> : <RevokeButton id={k.id} />) },
          ]}
        />
      </Card>
    </div>
  );
}
