"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { formatDate } from "@/lib/format";
import { SUSPENSION_MODE_LABEL, type SuspensionMode } from "@/lib/services/platform/suspension-modes";
import { extendTrialAction, openTenantAction, setTenantStatusAction } from "./actions";

type Tenant = {
  id: string;
  name: string;
  slug: string;
  status: "TRIAL" | "ACTIVE" | "SUSPENDED";
  country: string;
  timezone: string;
  trialEndsAt: string | null;
  suspendedReason: string | null;
  suspensionMode: SuspensionMode | null;
  createdAt: string;
  customers: number;
  routers: number;
  activeSessions: number;
  staff: number;
};

/** A tenant's dates in its own zone (a trial ends at a moment of the ISP's day, not of this server's). */
const day = (iso: string, t: Tenant) => formatDate(iso, t.timezone);

function StatusBadge({ t }: { t: Tenant }) {
  if (t.status === "ACTIVE") return <Badge tone="green">Active</Badge>;
  if (t.status === "SUSPENDED") return <Badge tone="red">Suspended{t.suspensionMode ? ` · ${SUSPENSION_MODE_LABEL[t.suspensionMode]}` : ""}</Badge>;
  const ended = t.trialEndsAt && new Date(t.trialEndsAt) < new Date();
  return <Badge tone={ended ? "red" : "yellow"}>{ended ? "Trial ended" : `Trial to ${t.trialEndsAt ? day(t.trialEndsAt, t) : "—"}`}</Badge>;
}

function Row({ t }: { t: Tenant }) {
  const router = useRouter();
  const [panel, setPanel] = useState<null | "suspend" | "extend" | "activate">(null);
  // A suspended trial: reactivation resumes it (end date kept) unless the operator ends it, confirmed.
  const suspendedTrial = t.status === "SUSPENDED" && t.trialEndsAt !== null;
  const [busy, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  const run = (fn: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>) =>
    start(async () => {
      const r = await fn();
      if (r.ok) {
        setPanel(null);
        setError(null);
        setFieldError(null);
        router.refresh();
      } else {
        setError(r.error ?? "Failed");
        setFieldError(Object.values(r.fieldErrors ?? {})[0]?.[0] ?? null);
      }
    });

  return (
    <li className="px-5 py-4" data-testid={`tenant-${t.slug}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            {t.name} <span className="font-mono text-xs text-slate-400">{t.slug}</span>
          </p>
          <p className="text-sm text-slate-500">
            {t.customers.toLocaleString("en")} customers · {t.routers} routers · {t.activeSessions.toLocaleString("en")} active sessions · {t.staff} staff · since {day(t.createdAt, t)}
          </p>
          {t.status === "SUSPENDED" && t.suspendedReason && <p className="text-sm text-red-600">Reason: {t.suspendedReason}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge t={t} />
          <Button
            size="sm"
            variant="secondary"
            disabled={busy}
            onClick={() =>
              start(async () => {
                const r = await openTenantAction(null, { tenantId: t.id });
                if (r.ok) {
                  router.push(r.data.redirect);
                  router.refresh();
                } else setError(r.error);
              })
            }
          >
            Open as tenant
          </Button>
          {t.status === "TRIAL" && (
            <Button size="sm" variant="secondary" onClick={() => setPanel(panel === "extend" ? null : "extend")}>
              Extend trial
            </Button>
          )}
          {t.status !== "ACTIVE" && (
            <Button
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={() => (suspendedTrial ? setPanel(panel === "activate" ? null : "activate") : run(() => setTenantStatusAction(null, { tenantId: t.id, status: "ACTIVE" })))}
            >
              {t.status === "SUSPENDED" ? "Reactivate" : "Activate"}
            </Button>
          )}
          {t.status !== "SUSPENDED" && (
            <Button size="sm" variant="danger" onClick={() => setPanel(panel === "suspend" ? null : "suspend")}>
              Suspend
            </Button>
          )}
        </div>
      </div>
      {error && !fieldError && (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
      {panel === "suspend" && (
        <form
          className="mt-3 flex flex-wrap items-end gap-3 rounded-lg bg-red-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            const fd = new FormData(e.currentTarget);
            const reason = String(fd.get("reason") ?? "");
            const mode = String(fd.get("mode") ?? "GRACE") as SuspensionMode;
            run(() => setTenantStatusAction(null, { tenantId: t.id, status: "SUSPENDED", reason, mode }));
          }}
        >
          <Field label="Reason (shown to the tenant's staff)" htmlFor={`reason-${t.id}`} errors={fieldError ? [fieldError] : undefined} className="min-w-64 flex-1">
            <Input id={`reason-${t.id}`} name="reason" placeholder="e.g. Unpaid invoice for March" />
          </Field>
          <fieldset className="w-full space-y-1 text-sm">
            <legend className="mb-1 font-medium text-slate-800">Its {t.customers.toLocaleString("en")} subscribers</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="mode" value="GRACE" defaultChecked className="mt-0.5" />
              <span>
                Keep their service (grace) <span className="text-slate-500">— RADIUS goes on answering; only staff are locked out.</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="mode" value="REFUSE" className="mt-0.5" />
              <span>
                Refuse them <span className="text-slate-500">— RADIUS rejects every login with “Service suspended”, and the {t.activeSessions.toLocaleString("en")} live sessions are disconnected.</span>
              </span>
            </label>
          </fieldset>
          <Button type="submit" variant="danger" loading={busy}>
            Suspend and sign out its staff
          </Button>
        </form>
      )}
      {panel === "activate" && suspendedTrial && (
        <form
          className="mt-3 space-y-3 rounded-lg bg-slate-50 p-3 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const endTrial = new FormData(e.currentTarget).get("trial") === "end";
            run(() => setTenantStatusAction(null, { tenantId: t.id, status: "ACTIVE", endTrial }));
          }}
        >
          <fieldset className="space-y-1">
            <legend className="mb-1 font-medium text-slate-800">{t.name} was suspended during its trial</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="trial" value="keep" defaultChecked className="mt-0.5" />
              <span>
                Resume the trial, ending {day(t.trialEndsAt!, t)} as before
                {new Date(t.trialEndsAt!) < new Date() ? " (already over: its staff still cannot sign in until you extend it)" : ""}
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="trial" value="end" className="mt-0.5" />
              <span>End the trial: activate it as a paying ISP with no end date</span>
            </label>
          </fieldset>
          <Button type="submit" loading={busy}>
            Confirm reactivation
          </Button>
        </form>
      )}
      {panel === "extend" && (
        <form
          className="mt-3 flex flex-wrap items-end gap-3 rounded-lg bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            const days = String(new FormData(e.currentTarget).get("days") ?? "");
            run(() => extendTrialAction(null, { tenantId: t.id, days }));
          }}
        >
          <Field label="Extra days" htmlFor={`days-${t.id}`} errors={fieldError ? [fieldError] : undefined} className="w-32">
            <Input id={`days-${t.id}`} name="days" type="number" min={1} max={365} defaultValue={14} />
          </Field>
          <Button type="submit" loading={busy}>
            Extend
          </Button>
        </form>
      )}
    </li>
  );
}

export function TenantsTable({ tenants }: { tenants: Tenant[] }) {
  return (
    <Card>
      {tenants.length === 0 ? (
        <EmptyState title="No tenants match" />
      ) : (
        <ul className="divide-y divide-slate-100">
          {tenants.map((t) => (
            <Row key={t.id} t={t} />
          ))}
        </ul>
      )}
    </Card>
  );
}
