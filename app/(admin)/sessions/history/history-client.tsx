"use client";
// The session history table: a bounded date range, router and terminate-cause filters, username search.
import Link from "next/link";
import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { X } from "lucide-react";
import { DataTable, useUrlState, type TableView } from "@/components/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatBytes, formatDateTime, formatDuration, zoneAbbreviation } from "@/lib/format";
import { formatMac } from "@/lib/net/mac";

export interface HistoryRowView {
  id: string;
  username: string;
  customerId: string | null;
  customerName: string | null;
  nasId: string;
  nasName: string | null;
  framedIp: string | null;
  macAddress: string | null;
  startedAt: string;
  stoppedAt: string;
  sessionTime: number;
  uploadBytes: string;
  downloadBytes: string;
  terminateCause: string | null;
}

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
  nasOptions: { value: string; label: string }[];
  causes: string[];
}) {
  const { set } = useUrlState();
  const { timeZone, canSeeCustomers } = props;

  const columns = useMemo<ColumnDef<HistoryRowView, unknown>[]>(
    () => [
      {
        id: "username",
        header: "Subscriber",
        enableSorting: false,
        cell: ({ row: { original: r } }) => (
          <div>
            {r.customerId && canSeeCustomers ? (
              <Link href={`/customers/${r.customerId}`} className="font-medium text-slate-900 hover:text-brand-700">
                {r.customerName ?? r.username}
              </Link>
            ) : (
              <span className="font-medium text-slate-900">{r.customerName ?? r.username}</span>
            )}
            <div className="font-mono text-xs text-slate-500">{r.username}</div>
          </div>
        ),
      },
      { id: "nas", header: "Router", enableSorting: false, cell: ({ row: { original: r } }) => r.nasName ?? "(deleted)" },
      {
        id: "address",
        header: "IP / MAC",
        enableSorting: false,
        cell: ({ row: { original: r } }) => (
          <div className="font-mono text-xs">
            <div className="text-slate-800">{r.framedIp ?? "—"}</div>
            <div className="text-slate-500">{r.macAddress ? formatMac(r.macAddress) : "—"}</div>
          </div>
        ),
      },
      { id: "startedAt", header: `Started (${zoneAbbreviation(timeZone)})`, cell: ({ row: { original: r } }) => <span className="tabular-nums">{formatDateTime(r.startedAt, timeZone)}</span> },
      { id: "stoppedAt", header: `Stopped (${zoneAbbreviation(timeZone)})`, cell: ({ row: { original: r } }) => <span className="tabular-nums">{formatDateTime(r.stoppedAt, timeZone)}</span> },
      { id: "duration", header: "Duration", cell: ({ row: { original: r } }) => <span className="tabular-nums">{formatDuration(r.sessionTime)}</span> },
      {
        id: "bytes",
        header: "Down / up",
        cell: ({ row: { original: r } }) => (
          <div className="tabular-nums text-xs">
            <div className="text-slate-900">↓ {formatBytes(r.downloadBytes)}</div>
            <div className="text-slate-500">↑ {formatBytes(r.uploadBytes)}</div>
          </div>
        ),
      },
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
      {props.customerId && (
        <Badge tone="indigo">
          One customer&apos;s sessions
          <button type="button" aria-label="Show every customer" onClick={() => set({ customerId: null })}>
            <X className="size-3" />
          </button>
        </Badge>
      )}
      <DataTable
        {...props.view}
        columns={columns}
        searchPlaceholder="Search username, IP or MAC…"
        filters={[
          { param: "nasId", label: "Router", options: props.nasOptions },
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
