"use client";
// The live sessions table: filters and sort in the URL, uptime ticking every second, and disconnect
// buttons that call the session-control routes (POST /api/sessions/:id/close, /close-nas/:nasId).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { PlugZap, X } from "lucide-react";
import { DataTable, useUrlState } from "@/components/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatBitRate, formatBytes, formatDuration } from "@/components/charts/format";
import { formatMac } from "@/lib/net/mac";

export interface SessionRowView {
  id: string;
  username: string;
  customerId: string | null;
  customerName: string | null;
  voucherId: string | null;
  voucherCode: string | null;
  type: string;
  nasId: string;
  nasName: string;
  acctSessionId: string;
  framedIp: string | null;
  macAddress: string | null;
  startedAt: string;
  updatedAt: string;
  sessionTime: number;
  uploadBytes: string;
  downloadBytes: string;
  rateLimit: string | null;
}

const TYPE_LABELS: Record<string, string> = { PPPOE: "PPPoE", HOTSPOT: "Hotspot", DHCP: "DHCP", STATIC: "Static", OTHER: "Other" };
const TYPE_TONES: Record<string, BadgeTone> = { PPPOE: "indigo", HOTSPOT: "yellow", DHCP: "blue", STATIC: "green", OTHER: "gray" };

type Notice = { tone: "ok" | "error"; text: string } | null;

async function post(url: string): Promise<{ ok: boolean; message: string }> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (res.ok) return { ok: true, message: "" };
    return { ok: false, message: body?.error?.message ?? `The server answered ${res.status}` };
  } catch {
    return { ok: false, message: "Could not reach the server" };
  }
}

function DisconnectButton({ label, confirmLabel, onConfirm, compact = false }: { label: string; confirmLabel: string; onConfirm: () => Promise<void>; compact?: boolean }) {
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(t);
  }, [armed]);
  return (
    <Button
      type="button"
      size="sm"
      variant={armed ? "danger" : "secondary"}
      title={armed ? undefined : label}
      loading={busy}
      onClick={async () => {
        if (!armed) return setArmed(true);
        setBusy(true);
        try {
          await onConfirm();
        } finally {
          setBusy(false);
          setArmed(false);
        }
      }}
    >
      {!busy && <PlugZap className="size-3.5" aria-hidden />}
      {/* In a table row the idle button is an icon (named by aria-label) so the row fits a laptop screen. */}
      {armed ? confirmLabel : compact ? <span className="sr-only">{label}</span> : label}
    </Button>
  );
}

export function SessionsTable(props: {
  rows: SessionRowView[];
  /** The schema's connection types (lib/db/enums), passed in so the browser bundle needs no schema. */
  connectionTypes: readonly string[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
  now: string;
  /** The tenant's zone, so server and browser render the same clock times. */
  timeZone: string;
  canControl: boolean;
  canSeeCustomers: boolean;
  nasOptions: { value: string; label: string }[];
  selectedNas: { nasId: string; nasName: string; sessions: number } | null;
  customerId: string | null;
}) {
  const router = useRouter();
  const { set } = useUrlState();
  const [notice, setNotice] = useState<Notice>(null);
  // Uptime ticks in the browser; the first render uses the server's clock so hydration matches.
  const [now, setNow] = useState(() => new Date(props.now).getTime());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const closeOne = async (row: SessionRowView) => {
    const r = await post(`/api/sessions/${row.id}/close`);
    setNotice(r.ok ? { tone: "ok", text: `Disconnect sent for ${row.username}.` } : { tone: "error", text: `Could not disconnect ${row.username}: ${r.message}` });
    if (r.ok) router.refresh();
  };
  const closeNas = async (nasId: string, name: string) => {
    const r = await post(`/api/sessions/close-nas/${nasId}`);
    setNotice(r.ok ? { tone: "ok", text: `Disconnect sent for every session on ${name}.` } : { tone: "error", text: `Could not disconnect the sessions on ${name}: ${r.message}` });
    if (r.ok) router.refresh();
  };

  const { canControl, canSeeCustomers, timeZone } = props;
  const columns = useMemo<ColumnDef<SessionRowView, unknown>[]>(
    () => [
      {
        id: "username",
        header: "Subscriber",
        cell: ({ row: { original: r } }) => (
          <div className="min-w-0">
            {r.customerId && canSeeCustomers ? (
              <Link href={`/customers/${r.customerId}`} className="font-medium text-slate-900 hover:text-brand-700">
                {r.customerName ?? r.username}
              </Link>
            ) : (
              <span className="font-medium text-slate-900">{r.customerName ?? (r.voucherCode ? `Voucher ${r.voucherCode}` : r.username)}</span>
            )}
            <div className="flex items-center gap-1.5 text-xs text-slate-500">
              <span className="font-mono">{r.username}</span>
              <Badge tone={TYPE_TONES[r.type] ?? "gray"} className="px-1.5 py-0 text-[10px]">
                {TYPE_LABELS[r.type] ?? r.type}
              </Badge>
            </div>
          </div>
        ),
      },
      {
        id: "nas",
        header: "Router",
        enableSorting: false,
        cell: ({ row: { original: r } }) => (
          <span className="block max-w-[10rem] truncate" title={r.nasName}>
            {r.nasName}
          </span>
        ),
      },
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
      {
        id: "startedAt",
        header: "Uptime",
        cell: ({ row: { original: r } }) => (
          <div>
            <div className="tabular-nums text-slate-900">{formatDuration((now - new Date(r.startedAt).getTime()) / 1000)}</div>
            <div className="text-xs text-slate-500">
              since {new Date(r.startedAt).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone })}
            </div>
          </div>
        ),
      },
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
                  <DisconnectButton compact label="Disconnect" confirmLabel="Confirm" onConfirm={() => closeOne(r)} />
                </div>
              ),
            } satisfies ColumnDef<SessionRowView, unknown>,
          ]
        : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [now, canControl, canSeeCustomers, timeZone],
  );

  return (
    <div className="space-y-3">
      {notice && (
        <div
          role={notice.tone === "error" ? "alert" : "status"}
          className={`flex items-start justify-between gap-3 rounded-lg px-4 py-3 text-sm ring-1 ring-inset ${notice.tone === "error" ? "bg-red-50 text-red-700 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200"}`}
        >
          <span>{notice.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)} className="opacity-70 hover:opacity-100">
            <X className="size-4" />
          </button>
        </div>
      )}
      {props.customerId && (
        <div className="flex items-center gap-2 text-sm text-slate-600">
          <Badge tone="indigo">
            One customer&apos;s sessions
            <button type="button" aria-label="Show every customer" onClick={() => set({ customerId: null })}>
              <X className="size-3" />
            </button>
          </Badge>
        </div>
      )}
      <DataTable
        columns={columns}
        rows={props.rows}
        total={props.total}
        page={props.page}
        pageSize={props.pageSize}
        sort={props.sort}
        dir={props.dir}
        getRowId={(r) => r.id}
        searchPlaceholder="Search username, IP or MAC…"
        filters={[
          { param: "nasId", label: "Router", options: props.nasOptions },
          { param: "type", label: "Connection", options: props.connectionTypes.map((t) => ({ value: t, label: TYPE_LABELS[t] })) },
        ]}
        toolbarEnd={
          props.canControl && props.selectedNas && props.selectedNas.sessions > 0 ? (
            <DisconnectButton
              label={`Disconnect all on ${props.selectedNas.nasName}`}
              confirmLabel={`Really disconnect ${props.selectedNas.sessions}?`}
              onConfirm={() => closeNas(props.selectedNas!.nasId, props.selectedNas!.nasName)}
            />
          ) : undefined
        }
        emptyTitle="No active sessions"
        emptyDescription="Sessions appear here as soon as a router sends Accounting-Start."
      />
    </div>
  );
}
