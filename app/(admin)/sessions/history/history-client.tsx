"use client";
// The session history table: a bounded date range, router and terminate-cause filters, username search.
import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { useUrlState, type TableView } from "@/components/data-table";
import { SessionTable } from "@/components/sessions/session-table";
import { addressColumn, dateTimeColumn, subscriberColumn, trafficColumn } from "@/components/data-table/columns";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDuration, zoneAbbreviation } from "@/lib/format";
import type { Plain } from "@/components/data-table/view";
import type { SessionHistoryRow } from "@/lib/services/sessions/find-session-history";

/** A row of the table as the page hands it over (see `toPlain`). */
export type HistoryRowView = Plain<SessionHistoryRow>;

const causeTone = (c: string | null): BadgeTone => {
  if (!c) return "gray";
  if (c === "User-Request" || c === "Idle-Timeout" || c === "Session-Timeout") return "gray";
  if (c.startsWith("Admin")) return "indigo";
  if (c.startsWith("Lost") || c.includes("Error") || c.includes("Reboot")) return "red";
  return "yellow";
};

export function HistoryTable(props: {
  view: TableView<HistoryRowView>;
  from: string;
  to: string;
  today: string;
  timeZone: string;
  error: string | null;
  customerId: string | null;
  canSeeCustomers: boolean;
  routerOptions: { value: string; label: string }[];
  causes: string[];
}) {
  const { set } = useUrlState();
  const { timeZone, canSeeCustomers } = props;

  const columns = useMemo<ColumnDef<HistoryRowView, unknown>[]>(
    () => [
      subscriberColumn<HistoryRowView>({ canSeeCustomers, enableSorting: false }),
      { id: "router", header: "Router", enableSorting: false, cell: ({ row: { original: r } }) => r.nasName ?? "(deleted)" },
      addressColumn<HistoryRowView>(),
      dateTimeColumn<HistoryRowView>("startedAt", `Started (${zoneAbbreviation(timeZone)})`, (r) => r.startedAt, timeZone),
      dateTimeColumn<HistoryRowView>("stoppedAt", `Stopped (${zoneAbbreviation(timeZone)})`, (r) => r.stoppedAt, timeZone),
      { id: "duration", header: "Duration", cell: ({ row: { original: r } }) => <span className="tabular-nums">{formatDuration(r.sessionTime)}</span> },
      trafficColumn<HistoryRowView>(),
      {
        id: "cause",
        header: "Ended by",
        enableSorting: false,
        cell: ({ row: { original: r } }) => <Badge tone={causeTone(r.terminateCause)}>{r.terminateCause ?? "Unknown"}</Badge>,
      },
    ],
    [timeZone, canSeeCustomers],
  );

  const dateInput = "h-9 rounded-lg border-0 px-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";
  return (
    <div className="space-y-3">
      {props.error && (
        <div role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-inset ring-red-200">
          {props.error}
        </div>
      )}
      <SessionTable
        {...props.view}
        columns={columns}
        customerId={props.customerId}
        routerOptions={props.routerOptions}
        filters={[
          { param: "terminateCause", label: "Ended by", options: props.causes.map((c) => ({ value: c, label: c })) },
        ]}
        toolbarEnd={
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <label className="flex items-center gap-1.5">
              <span>From</span>
              <input type="date" aria-label="From date" className={dateInput} value={props.from} max={props.to} onChange={(e) => set({ from: e.target.value })} />
            </label>
            <label className="flex items-center gap-1.5">
              <span>to</span>
              <input type="date" aria-label="To date" className={dateInput} value={props.to} min={props.from} max={props.today} onChange={(e) => set({ to: e.target.value })} />
            </label>
          </div>
        }
        emptyTitle="No sessions in this range"
        emptyDescription="Widen the date range or clear the filters."
      />
    </div>
  );
}
