"use client";
// The routers table: search, status filter and sort live in the URL; each row links to its detail page.
import Link from "next/link";
import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, type TableView } from "@/components/data-table";
import { TitleCell } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatTimeAgo, zoneAbbreviation, zoneLabel } from "@/lib/format";
import { STATUS_LABEL, STATUS_TONE, TYPE_LABEL } from "./_lib/format";

export interface RouterRowView {
  id: string;
  name: string;
  ipAddress: string;
  type: string;
  routerOsVersion: string | null;
  location: string | null;
  status: string;
  lastSeenAt: string | null;
  sessionCount: number;
}

export function RoutersTable({
  view,
  now,
  timeZone,
  canWrite,
}: {
  view: TableView<RouterRowView>;
  now: string;
  /** The tenant's zone: the exact time under "last seen" is shown in it, and named. */
  timeZone: string;
  canWrite: boolean;
}) {
  const columns = useMemo<ColumnDef<RouterRowView, unknown>[]>(
    () => [
      {
        id: "name",
        header: "Router",
        cell: ({ row }) => (
          <TitleCell href={`/routers/${row.original.id}`} title={row.original.name}>
            {TYPE_LABEL[row.original.type] ?? row.original.type}
            {row.original.routerOsVersion ? ` · RouterOS ${row.original.routerOsVersion}` : ""}
          </TitleCell>
        ),
      },
      {
        id: "status",
        header: "Status",
        enableSorting: false,
        cell: ({ row }) => <Badge tone={STATUS_TONE[row.original.status]}>{STATUS_LABEL[row.original.status] ?? row.original.status}</Badge>,
      },
      { id: "ipAddress", header: "IP address", cell: ({ row }) => <span className="font-mono text-xs">{row.original.ipAddress}</span> },
      {
        id: "sessions",
        header: "Sessions",
        cell: ({ row }) =>
          row.original.sessionCount > 0 ? (
            <Link href={`/sessions?routerId=${row.original.id}`} className="tabular-nums text-brand-700 hover:underline">
              {row.original.sessionCount.toLocaleString()}
            </Link>
          ) : (
            <span className="tabular-nums text-slate-400">0</span>
          ),
      },
      {
        id: "lastSeenAt",
        header: () => <span title={zoneLabel(timeZone)}>Last seen ({zoneAbbreviation(timeZone)})</span>,
        cell: ({ row }) =>
          row.original.lastSeenAt ? (
            <div data-testid="router-last-seen">
              <div>{formatTimeAgo(row.original.lastSeenAt, new Date(now))}</div>
              <div className="text-xs text-slate-500" title={zoneLabel(timeZone)}>
                {formatDateTime(row.original.lastSeenAt, timeZone)}
              </div>
            </div>
          ) : (
            <span className="text-slate-400">never</span>
          ),
      },
      { id: "location", header: "Location", enableSorting: false, cell: ({ row }) => row.original.location ?? <span className="text-slate-400">—</span> },
    ],
    [now, timeZone],
  );
  return (
    <DataTable
      {...view}
      columns={columns}
      searchPlaceholder="Search name, IP or location…"
      filters={[
        {
          param: "status",
          label: "Status",
          options: [
            { value: "ONLINE", label: "Online" },
            { value: "OFFLINE", label: "Offline" },
            { value: "UNKNOWN", label: "Never seen" },
          ],
        },
      ]}
      emptyTitle="No routers yet"
      emptyDescription={canWrite ? "Add your first MikroTik router to let it authenticate subscribers." : "An admin can add routers here."}
    />
  );
}
