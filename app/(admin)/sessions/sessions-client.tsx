"use client";
// The live sessions table: filters and sort in the URL, uptime ticking every second, and disconnect
// buttons that call the session-control routes (POST /api/sessions/:id/close, /close-nas/:nasId) and show
// what the router answered.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { PlugZap, X } from "lucide-react";
import { type TableView } from "@/components/data-table";
import { SessionTable } from "@/components/sessions/session-table";
import { addressColumn, subscriberColumn, trafficColumn } from "@/components/data-table/columns";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CommandResult, type CommandResultValue } from "@/components/sessions/command-result";
import { postCommand, SessionCommandButton, SessionCommandDialog, type SessionCommandRequest } from "@/components/sessions/session-command-button";
import { Button } from "@/components/ui/button";
import { formatBitRate, formatDuration, formatTime, zoneLabel } from "@/lib/format";
import type { Plain } from "@/components/data-table/view";
import type { ActiveSessionRow } from "@/lib/services/sessions/find-sessions";

/** A row of the table as the page hands it over (see `toPlain`). */
export type SessionRowView = Plain<ActiveSessionRow>;

const TYPE_LABELS: Record<string, string> = { PPPOE: "PPPoE", HOTSPOT: "Hotspot", DHCP: "DHCP", STATIC: "Static", OTHER: "Other" };
const TYPE_TONES: Record<string, BadgeTone> = { PPPOE: "indigo", HOTSPOT: "yellow", DHCP: "blue", STATIC: "green", OTHER: "gray" };

type Notice = { result: CommandResultValue; subject: string } | null;

export function SessionsTable(props: {
  view: TableView<SessionRowView>;
  /** The schema's connection types (lib/db/enums), passed in so the browser bundle needs no schema. */
  connectionTypes: readonly string[];
  now: string;
  /** The tenant's zone, so server and browser render the same clock times. */
  timeZone: string;
  canControl: boolean;
  canSeeCustomers: boolean;
  routerOptions: { value: string; label: string }[];
  selectedRouter: { nasId: string; nasName: string; sessions: number } | null;
  customerId: string | null;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  // Uptime ticks in the browser; the first render uses the server's clock so hydration matches.
  const [now, setNow] = useState(() => new Date(props.now).getTime());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const show = (subject: string) => (result: CommandResultValue) => {
    setNotice({ result, subject });
    router.refresh();
  };
  // One dialog for the whole table: rows re-render every second (uptime), which must not reset it.
  const [request, setRequest] = useState<(SessionCommandRequest & { subject: string }) | null>(null);

  const { canControl, canSeeCustomers, timeZone } = props;
  const columns = useMemo<ColumnDef<SessionRowView, unknown>[]>(
    () => [
      subscriberColumn<SessionRowView>({
        canSeeCustomers,
        fallbackName: (r) => (r.voucherCode ? `Voucher ${r.voucherCode}` : r.username),
        extra: (r) => (
          <Badge tone={TYPE_TONES[r.type] ?? "gray"} className="px-1.5 py-0 text-[10px]">
            {TYPE_LABELS[r.type] ?? r.type}
          </Badge>
        ),
      }),
      {
        id: "router",
        header: "Router",
        enableSorting: false,
        // Below 2xl (a 1280 px laptop with the sidebar) the table fits its card without it; the disconnect dialog names it.
        meta: { className: "sm:max-2xl:hidden" },
        cell: ({ row: { original: r } }) => (
          <span className="block max-w-[10rem] truncate" title={r.nasName}>
            {r.nasName}
          </span>
        ),
      },
      addressColumn<SessionRowView>(),
      {
        id: "startedAt",
        header: "Uptime",
        cell: ({ row: { original: r } }) => (
          <div>
            <div className="tabular-nums text-slate-900">{formatDuration((now - new Date(r.startedAt).getTime()) / 1000)}</div>
            <div className="text-xs text-slate-500">
              <span title={zoneLabel(timeZone)}>since {formatTime(r.startedAt, timeZone)}</span>
            </div>
          </div>
        ),
      },
      trafficColumn<SessionRowView>(),
      {
        id: "rate",
        header: "Rate",
        enableSorting: false,
        cell: ({ row: { original: r } }) => {
          // Average since start from the last accounting figures: the router reports counters, not a live rate.
          const seconds = r.sessionTime || Math.max(1, (new Date(r.updatedAt).getTime() - new Date(r.startedAt).getTime()) / 1000);
          const avgDown = (Number(r.downloadBytes) * 8) / seconds;
          return (
            <div className="text-xs">
              <div className="font-mono text-slate-800">{r.rateLimit ?? "—"}</div>
              <div className="text-slate-500" title="Average download rate since the session started">
                avg {formatBitRate(avgDown)}
              </div>
            </div>
          );
        },
      },
      ...(canControl
        ? [
            {
              id: "actions",
              header: () => <span className="sr-only">Actions</span>,
              enableSorting: false,
              cell: ({ row: { original: r } }) => (
                <div className="flex justify-end">
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    title={`Disconnect ${r.username}`}
                    onClick={() =>
                      setRequest({
                        title: `Disconnect ${r.username}?`,
                        description: `A Disconnect-Request goes to ${r.nasName}; the session ends if the router accepts it.`,
                        confirmLabel: "Disconnect",
                        run: () => postCommand(`/api/sessions/${r.id}/close`),
                        subject: r.username,
                      })
                    }
                  >
                    <PlugZap className="size-3.5" aria-hidden />
                    <span className="sr-only">Disconnect {r.username}</span>
                  </Button>
                </div>
              ),
            } satisfies ColumnDef<SessionRowView, unknown>,
          ]
        : []),
    ],
    [now, canControl, canSeeCustomers, timeZone],
  );

  return (
    <div className="space-y-3">
      <SessionCommandDialog
        request={request}
        onCancel={() => setRequest(null)}
        onDone={(r) => {
          const subject = request?.subject ?? "";
          setRequest(null);
          show(subject)(r);
        }}
      />
      {notice && (
        <div className="flex items-start gap-2">
          <CommandResult result={notice.result} subject={notice.subject} className="flex-1" />
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)} className="mt-2 opacity-70 hover:opacity-100">
            <X className="size-4" />
          </button>
        </div>
      )}
      <SessionTable
        {...props.view}
        columns={columns}
        customerId={props.customerId}
        routerOptions={props.routerOptions}
        filters={[
          { param: "type", label: "Connection", options: props.connectionTypes.map((t) => ({ value: t, label: TYPE_LABELS[t] })) },
        ]}
        toolbarEnd={
          props.canControl && props.selectedRouter && props.selectedRouter.sessions > 0 ? (
            <SessionCommandButton
              size="sm"
              label={`Disconnect all on ${props.selectedRouter.nasName}`}
              title={`Disconnect every session on ${props.selectedRouter.nasName}?`}
              description={`${props.selectedRouter.sessions} live session(s) get a Disconnect-Request.`}
              confirmLabel={`Disconnect ${props.selectedRouter.sessions}`}
              run={() => postCommand(`/api/sessions/close-nas/${props.selectedRouter!.nasId}`)}
              onResult={show(props.selectedRouter.nasName)}
            />
          ) : undefined
        }
        emptyTitle="No active sessions"
        emptyDescription="Sessions appear here as soon as a router sends Accounting-Start."
      />
    </div>
  );
}
