"use client";
// The customer list: server-side paging, sorting, filters and search in the URL; bulk actions on a
// selection run in chunks of 200 ids per server action so progress can be shown while they run.
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Download } from "lucide-react";
import { DataTable, type TableView } from "@/components/data-table";
import { TitleCell } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { CommandOutcome } from "@/components/sessions/command-outcome";
import { mergeCommandOutcomes } from "@/lib/services/sessions/merge-command-outcomes";
import { CommandResult } from "@/components/sessions/command-result";
import { Input, Select, labelOptions } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import { formatDate, formatDateTime } from "@/lib/format";
import { STATUS_LABEL, TYPE_LABEL, relativeExpiry } from "./_lib/format";
import { AccessBadge } from "./_lib/access-badge";
import type { PackageOption } from "./customer-form";
import { bulkChangePackageAction, bulkExtendAction, bulkStatusAction } from "./actions";
import { formatPhone } from "@/lib/net/phone";
import type { Plain } from "@/components/data-table/view";
import type { CustomerListRow } from "@/lib/services/customers/find-customers";

/** A row of the table as the page hands it over (see `toPlain`). */
export type CustomerRowView = Plain<CustomerListRow>;

const CHUNK = 200;

type BulkKind = "suspend" | "resume" | "extend" | "package";

function BulkBar({ ids, clear, packages }: { ids: string[]; clear: () => void; packages: PackageOption[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<BulkKind>("suspend");
  const [days, setDays] = useState("7");
  const [packageId, setPackageId] = useState("");
  const [progress, setProgress] = useState<{ done: number; total: number; updated: number; skipped: number; error?: string } | null>(null);
  // The live speed changes a package change sent, as the routers answered them (one result for all chunks).
  const [speed, setSpeed] = useState<CommandOutcome | null>(null);
  const running = progress !== null && progress.done < progress.total && !progress.error;
  const { confirmFirst, dialog } = useConfirm("Apply");

  async function apply() {
    let updated = 0;
    let skipped = 0;
    let outcome: CommandOutcome | null = null;
    setSpeed(null);
    setProgress({ done: 0, total: ids.length, updated, skipped });
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      let r: ActionResult<{ updated: number; skipped: number; outcome?: CommandOutcome }>;
      if (kind === "suspend" || kind === "resume") r = await bulkStatusAction(null, { ids: chunk, status: kind === "suspend" ? "SUSPENDED" : "ACTIVE" });
      else if (kind === "extend") r = await bulkExtendAction(null, { ids: chunk, days });
      else r = await bulkChangePackageAction(null, { ids: chunk, packageId });
      if (!r.ok) {
        setProgress({ done: i, total: ids.length, updated, skipped, error: Object.values(r.fieldErrors).flat()[0] ?? r.error });
        if (outcome) setSpeed(outcome);
        router.refresh();
        return;
      }
      updated += r.data.updated;
      skipped += r.data.skipped;
      if (r.data.outcome) outcome = mergeCommandOutcomes(outcome, r.data.outcome);
      setProgress({ done: Math.min(i + CHUNK, ids.length), total: ids.length, updated, skipped });
    }
    if (outcome && outcome.state !== "nothing-to-do") setSpeed(outcome);
    router.refresh();
  }

  function run() {
    const label = { suspend: "Suspend", resume: "Resume", extend: `Extend by ${days} days`, package: "Change package for" }[kind];
    confirmFirst(`${label} ${ids.length} customer${ids.length === 1 ? "" : "s"}?`, () => void apply());
  }

  const pct = progress ? Math.round((progress.done / Math.max(1, progress.total)) * 100) : 0;
  return (
    <div className="flex flex-1 flex-wrap items-center gap-2">
      {dialog}
      <Select aria-label="Bulk action" value={kind} onChange={(e) => setKind(e.target.value as BulkKind)} className="h-9 w-auto" disabled={running}>
        <option value="suspend">Suspend</option>
        <option value="resume">Resume</option>
        <option value="extend">Extend expiry</option>
        <option value="package">Change package</option>
      </Select>
      {kind === "extend" && <Input aria-label="Days" value={days} onChange={(e) => setDays(e.target.value)} inputMode="numeric" className="h-9 w-20" disabled={running} />}
      {kind === "extend" && <span className="text-sm text-slate-500">days</span>}
      {kind === "package" && (
        <Select aria-label="New package" value={packageId} onChange={(e) => setPackageId(e.target.value)} className="h-9 w-auto" disabled={running}>
          <option value="">Choose a package…</option>
          {packages.map((p) => (
            <option key={p.id} value={p.id}>
              {TYPE_LABEL[p.type]} · {p.label}
            </option>
          ))}
        </Select>
      )}
      <Button size="sm" onClick={run} loading={running} disabled={kind === "package" && !packageId}>
        Apply
      </Button>
      <Button size="sm" variant="ghost" onClick={() => { setProgress(null); setSpeed(null); clear(); }} disabled={running}>
        Clear
      </Button>
      {progress && (
        <div className="flex min-w-40 flex-1 items-center gap-3" role="status" aria-live="polite">
          <div className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
            <div className={`h-full transition-all ${progress.error ? "bg-red-500" : "bg-brand-600"}`} style={{ width: `${pct}%` }} />
          </div>
          <span className="text-xs text-slate-600 tabular-nums">
            {progress.error
              ? `Stopped: ${progress.error}`
              : progress.done < progress.total
                ? `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`
                : `Done: ${progress.updated.toLocaleString()} changed${progress.skipped ? `, ${progress.skipped.toLocaleString()} unchanged` : ""}`}
          </span>
        </div>
      )}
      {running && kind === "package" && <span className="text-xs text-slate-600">Applying the new speed on the routers and waiting for their answers…</span>}
      {speed && <CommandResult result={{ ok: true, outcome: speed }} action="speed change" className="w-full" />}
    </div>
  );
}

export function CustomersTable(props: {
  view: TableView<CustomerRowView>;
  now: string;
  timeZone: string;
  canWrite: boolean;
  packages: PackageOption[];
  exportHref: string;
}) {
  const { now, timeZone, canWrite, packages } = props;
  const columns = useMemo<ColumnDef<CustomerRowView, unknown>[]>(
    () => [
      {
        id: "name",
        header: "Customer",
        cell: ({ row }) => (
          <TitleCell href={`/customers/${row.original.id}`} title={row.original.name}>
            {row.original.phone ? formatPhone(row.original.phone) : "no phone"}
          </TitleCell>
        ),
      },
      {
        id: "username",
        header: "Username",
        cell: ({ row }) => (
          <span title={row.original.username} className="block max-w-[10rem] truncate font-mono text-xs">
            {row.original.username}
          </span>
        ),
      },
      {
        id: "status",
        header: "Status",
        cell: ({ row }) => (
          <div className="flex items-center gap-2">
            <span className={`size-2 rounded-full ${row.original.online ? "bg-emerald-500" : "bg-slate-300"}`} title={row.original.online ? "Online" : "Offline"} aria-label={row.original.online ? "Online" : "Offline"} />
            <AccessBadge status={row.original.status} hasPackage={row.original.packageName !== null} expiresAt={row.original.expiresAt} now={now} />
          </div>
        ),
      },
      {
        id: "package",
        header: "Package",
        enableSorting: false,
        cell: ({ row }) => (
          <div title={row.original.packageName ?? undefined} className="max-w-[11rem] truncate">
            {row.original.packageName ?? <span className="text-slate-400">—</span>}
            <p className="text-xs text-slate-500">{TYPE_LABEL[row.original.type] ?? row.original.type}</p>
          </div>
        ),
      },
      {
        id: "expiry",
        header: "Expires",
        cell: ({ row }) => {
          const e = relativeExpiry(row.original.expiresAt, new Date(now));
          return (
            <span title={formatDateTime(row.original.expiresAt, timeZone)}>
              <Badge tone={e.tone}>{e.text}</Badge>
            </span>
          );
        },
      },
      // Below 2xl (a 1280 px laptop with the sidebar) the table fits its card without it; the page shows it.
      { id: "created", header: "Created", meta: { className: "sm:max-2xl:hidden" }, cell: ({ row }) => <span className="text-xs text-slate-500">{formatDate(row.original.createdAt, timeZone)}</span> },
    ],
    [now, timeZone],
  );
  return (
    <DataTable
      {...props.view}
      columns={columns}
      searchPlaceholder="Search name, phone or username…"
      filters={[
        { param: "status", label: "Status", options: labelOptions(STATUS_LABEL) },
        { param: "type", label: "Type", options: labelOptions(TYPE_LABEL) },
        { param: "packageId", label: "Package", options: packages.map((p) => ({ value: p.id, label: p.name })) },
        {
          param: "online",
          label: "Online",
          options: [
            { value: "yes", label: "Online now" },
            { value: "no", label: "Offline" },
          ],
        },
        { param: "expiring", label: "Expiry", options: [{ value: "soon", label: "Expiring in 7 days" }] },
      ]}
      bulkActions={canWrite ? (ids, clear) => <BulkBar ids={ids} clear={clear} packages={packages} /> : undefined}
      toolbarEnd={
        <a href={props.exportHref} className={buttonClasses("secondary", "sm")} download>
          <Download className="size-4" aria-hidden /> Export CSV
        </a>
      }
      emptyTitle="No customers match"
      emptyDescription={canWrite ? "Change the filters, add a customer or import a CSV." : "Change the filters or search."}
    />
  );
}
