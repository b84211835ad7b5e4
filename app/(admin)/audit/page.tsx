import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { auditActionNames, findAuditEntries, findAuditEntriesSchema } from "@/lib/services/audit/find-audit-entries";
import { formatDateTime, zoneAbbreviation, zoneLabel } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, TextField } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import { Table } from "@/components/ui/table";

export const metadata: Metadata = { title: "Audit log" };

type Search = { action?: string; actor?: string; targetType?: string; targetId?: string; from?: string; to?: string; page?: string };

function Summary({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  if (typeof value !== "object") return <span>{String(value)}</span>;
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.length) return <span className="text-slate-400">—</span>;
  return (
    <dl className="space-y-0.5">
      {entries.map(([k, v]) => (
        <div key={k} className="flex gap-1 text-left">
          <dt className="shrink-0 text-slate-500">{k}:</dt>
          {/* Wrap at words, and inside a long token only when it must: never one character per line. */}
          <dd className="min-w-0 text-slate-800 [overflow-wrap:anywhere]">{typeof v === "object" ? JSON.stringify(v) : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaffPage("audit:read");
  const sp = await searchParams;
  const parsed = findAuditEntriesSchema.safeParse({ ...sp, pageSize: 25 });
  const filters = { ...(parsed.success ? parsed.data : { page: 1, pageSize: 25 }), tenantId: staff.tenantId };
  const [page, actions] = await withTenant(getDb(), staff.tenantId, async (tx) => [
    await findAuditEntries(tx, filters),
    await auditActionNames(tx, { tenantId: staff.tenantId }),
  ] as const);
  const link = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...sp, page: String(p) }).filter(([, v]) => v) as [string, string][]);
    return `?${q.toString()}`;
  };
  const tz = staff.tenantTimezone;
  return (
    <>
      <PageHeader title="Audit log" description="Every change made in your ISP: who, what, when and from where." />
      <Card className="mb-6 p-4">
        <form className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" method="get">
          <Field label="Action" htmlFor="action">
            <Input id="action" name="action" list="audit-actions" placeholder="e.g. user." defaultValue={sp.action ?? ""} />
            <datalist id="audit-actions">
              {actions.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </Field>
          <TextField label="Actor" name="actor" placeholder="name or email" defaultValue={sp.actor ?? ""} />
          <TextField label="Target type" name="targetType" placeholder="e.g. user" defaultValue={sp.targetType ?? ""} />
          <TextField label="Target id" name="targetId" defaultValue={sp.targetId ?? ""} />
          <div className="grid grid-cols-2 gap-2 sm:col-span-2 lg:col-span-2">
            <TextField label="From" name="from" type="date" defaultValue={sp.from ?? ""} />
            <TextField label="To" name="to" type="date" defaultValue={sp.to ?? ""} />
          </div>
          <div className="flex gap-2 lg:col-span-6">
            <Button type="submit">Filter</Button>
            <Link href="/audit" className={buttonClasses("ghost")}>
              Clear
            </Link>
          </div>
        </form>
        {!parsed.success && <p className="mt-2 text-sm text-red-600">Some filters were not valid and were ignored.</p>}
      </Card>
      <Card>
        <Table
          empty={<EmptyState title="Nothing recorded for these filters" />}
          label="Audit entries"
          align="top"
          rows={page.rows}
          rowKey={(r) => r.id}
          columns={[
            { key: "when", header: `When (${zoneAbbreviation(tz)})`, className: "whitespace-nowrap text-slate-500", cell: (r) => <span title={zoneLabel(tz)}>{formatDateTime(r.createdAt, tz)}</span> },
            {
              key: "who",
              header: "Who",
              cell: (r) => (
                <>
                  <p className="font-medium text-slate-900">{r.actorName ?? r.actorLabel ?? (r.actorApiKeyId ? "API key" : "System")}</p>
                  {r.actorName && r.actorLabel && r.actorLabel !== r.actorName && <p className="text-xs text-slate-500">{r.actorLabel}</p>}
                </>
              ),
            },
            { key: "action", header: "Action", cell: (r) => <Badge tone={r.action.startsWith("platform.") ? "yellow" : r.action.includes("fail") ? "red" : "gray"}>{r.action}</Badge> },
            {
              key: "target",
              header: "Target",
              className: "text-xs",
              cell: (r) =>
                r.targetType && (
                  <Link className="text-brand-700 hover:underline" href={`/audit?targetType=${encodeURIComponent(r.targetType)}&targetId=${encodeURIComponent(r.targetId ?? "")}`}>
                    {r.targetType}
                    <span className="block font-mono text-slate-500">{r.targetId?.slice(0, 8)}</span>
                  </Link>
                ),
            },
            { key: "before", header: "Before", className: "min-w-56 max-w-sm text-xs", cell: (r) => <Summary value={r.before} /> },
            { key: "after", header: "After", className: "min-w-56 max-w-sm text-xs", cell: (r) => <Summary value={r.after} /> },
            {
              key: "from",
              header: "From",
              className: "text-xs text-slate-500",
              cell: (r) => (
                <>
                  {r.ip ?? "—"}
                  {r.userAgent && <span className="block max-w-48 truncate" title={r.userAgent}>{r.userAgent}</span>}
                </>
              ),
            },
          ]}
        />
        <Pager page={page.page} pageCount={page.pageCount} href={link}>
          {page.total} {page.total === 1 ? "entry" : "entries"} · page {page.page} of {page.pageCount}
        </Pager>
      </Card>
    </>
  );
}
