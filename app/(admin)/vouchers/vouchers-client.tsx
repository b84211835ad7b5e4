"use client";
// The vouchers table (status, batch and package filters, code search, sort and page in the URL), each
// row with its actions, a selection to print or export, and the bulk clean-up buttons.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Download, FileText, MoreHorizontal, Trash2 } from "lucide-react";
import { DataTable, type FilterOption, type TableView } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { CommandResult, type CommandResultValue } from "@/components/sessions/command-result";
import { fromAction, SessionCommandDialog, type SessionCommandRequest } from "@/components/sessions/session-command-button";
import { Button, buttonClasses } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/auth/action";
import { labelOptions } from "@/components/ui/field";
import {
  deleteExpiredVouchersAction,
  deleteUnusedVouchersAction,
  deleteVouchersAction,
  disconnectVoucherAction,
  resetVoucherCountersAction,
  resetVoucherMacAction,
  revokeVoucherAction,
} from "./actions";
import { formatBytes, formatDate, formatDateTime, formatDuration, zoneAbbreviation } from "@/lib/format";
import { VOUCHER_STATUS_LABEL, VOUCHER_STATUS_TONE } from "./_lib/format";
import { formatMoney } from "@/lib/money";
import { formatMac } from "@/lib/net/mac";

export interface VoucherRowView {
  id: string;
  code: string;
  status: string;
  batchId: string | null;
  batchName: string | null;
  packageName: string;
  price: number;
  redeemBy: string | null;
  usedAt: string | null;
  expiresAt: string | null;
  macAddress: string | null;
  usedBytes: string;
  usedSeconds: number;
  online: boolean;
}

type Notice = { tone: "ok" | "error"; text: string } | null;

/** Runs one action and turns its result into a notice line. */
function useRunner() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<Notice>(null);
  const { confirmFirst, dialog } = useConfirm();
  const run = (fn: () => Promise<ActionResult<{ message: string }>>, confirmText?: string) =>
    confirmFirst(confirmText, () =>
      start(async () => {
        const r = await fn();
        setNotice(r.ok ? { tone: "ok", text: r.data.message } : { tone: "error", text: r.error });
        router.refresh();
      }),
    );
  return { pending, notice, run, setNotice, dialog };
}

function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p
      role={notice.tone === "error" ? "alert" : "status"}
      className={
        notice.tone === "error"
          ? "mb-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200"
          : "mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200"
      }
    >
      {notice.text}
    </p>
  );
}

function RowActions({
  row,
  canWrite,
  canControl,
  run,
  disconnect,
}: {
  row: VoucherRowView;
  canWrite: boolean;
  canControl: boolean;
  run: ReturnType<typeof useRunner>["run"];
  disconnect: (row: VoucherRowView) => void;
}) {
  if (!canWrite && !canControl) return null;
  const item = "block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50 disabled:opacity-40";
  return (
    <details className="relative">
      <summary className="list-none rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 [&::-webkit-details-marker]:hidden" aria-label={`Actions for ${row.code}`}>
        <MoreHorizontal className="size-4" />
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-48 overflow-hidden rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200">
        {canControl && (
          <button type="button" className={item} disabled={!row.online} onClick={() => disconnect(row)}>
            Disconnect session
          </button>
        )}
        {canWrite && (
          <>
            <button type="button" className={item} disabled={!row.macAddress} onClick={() => run(() => resetVoucherMacAction(null, { id: row.id }))}>
              Reset MAC binding
            </button>
            <button type="button" className={item} onClick={() => run(() => resetVoucherCountersAction(null, { id: row.id }))}>
              Reset counters
            </button>
            <button
              type="button"
              className={item}
              disabled={row.status === "REVOKED"}
              onClick={() => run(() => revokeVoucherAction(null, { id: row.id }), `Revoke ${row.code}? It stops working at once.`)}
            >
              Revoke
            </button>
            <button
              type="button"
              className={`${item} text-red-600`}
              onClick={() => run(() => deleteVouchersAction(null, { ids: [row.id] }), `Delete voucher ${row.code}?`)}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </details>
  );
}

export function VouchersTable({
  view,
  currency,
  timeZone,
  batches,
  packages,
  canWrite,
  canControl,
  fixedBatchId,
}: {
  view: TableView<VoucherRowView>;
  currency: string;
  timeZone: string;
  batches: { id: string; name: string }[];
  packages: { id: string; name: string }[];
  canWrite: boolean;
  canControl: boolean;
  /** On a batch page: the batch filter is implied. */
  fixedBatchId?: string;
}) {
  const { pending, notice, run, dialog } = useRunner();
  const router = useRouter();
  const [disconnecting, setDisconnecting] = useState<SessionCommandRequest | null>(null);
  const [commandResult, setCommandResult] = useState<{ result: CommandResultValue; code: string } | null>(null);
  const disconnect = useCallback(
    (row: VoucherRowView) =>
      setDisconnecting({
        title: `Disconnect voucher ${row.code}?`,
        description: "Its live session gets a Disconnect-Request; the voucher keeps working for a new login.",
        confirmLabel: "Disconnect",
        run: async () => {
          const r = fromAction(await disconnectVoucherAction(null, { id: row.id }));
          setCommandResult({ result: r, code: row.code });
          return r;
        },
      }),
    [],
  );
  const columns = useMemo<ColumnDef<VoucherRowView, unknown>[]>(
    () => [
      {
        id: "code",
        header: "Code",
        cell: ({ row }) => (
          <span className="inline-flex items-center gap-2">
            {row.original.online && <span className="size-2 rounded-full bg-emerald-500" title="Online now" aria-label="Online now" />}
            <span className="font-mono text-sm font-semibold tracking-wide text-slate-900">{row.original.code}</span>
          </span>
        ),
      },
      {
        id: "status",
        header: "Status",
        cell: ({ row }) => <Badge tone={VOUCHER_STATUS_TONE[row.original.status]}>{VOUCHER_STATUS_LABEL[row.original.status] ?? row.original.status}</Badge>,
      },
      {
        id: "package",
        header: "Package",
        enableSorting: false,
        cell: ({ row }) => (
          <div>
            <p title={row.original.packageName} className="max-w-[10rem] truncate text-slate-800">{row.original.packageName}</p>
            <p className="text-xs text-slate-500">{formatMoney(row.original.price, currency)}</p>
          </div>
        ),
      },
      ...(fixedBatchId
        ? []
        : [
            {
              id: "batch",
              header: "Batch",
              enableSorting: false,
              cell: ({ row }: { row: { original: VoucherRowView } }) =>
                row.original.batchId ? (
                  <Link href={`/vouchers/batches/${row.original.batchId}`} title={row.original.batchName ?? undefined} className="block max-w-[10rem] truncate text-brand-700 hover:underline">
                    {row.original.batchName}
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                ),
            } satisfies ColumnDef<VoucherRowView, unknown>,
          ]),
      { id: "redeemBy", header: "Redeem by", cell: ({ row }) => formatDate(row.original.redeemBy, timeZone) },
      // First use, expiry after use, usage and MAC show from 2xl up and on phones (the card layout); at
      // 1280 px with the sidebar the table fits its card without them.
      { id: "usedAt", header: `First used (${zoneAbbreviation(timeZone)})`, meta: { className: "sm:max-2xl:hidden" }, cell: ({ row }) => formatDateTime(row.original.usedAt, timeZone) },
      { id: "expiresAt", header: `Expires (${zoneAbbreviation(timeZone)})`, meta: { className: "sm:max-2xl:hidden" }, cell: ({ row }) => formatDateTime(row.original.expiresAt, timeZone) },
      {
        id: "usage",
        header: "Usage",
        enableSorting: false,
        meta: { className: "sm:max-2xl:hidden" },
        cell: ({ row }) =>
          row.original.usedSeconds || row.original.usedBytes !== "0" ? (
            <span className="text-xs tabular-nums">
              {formatBytes(row.original.usedBytes)} · {formatDuration(row.original.usedSeconds)}
            </span>
          ) : (
            <span className="text-slate-400">—</span>
          ),
      },
      {
        id: "mac",
        header: "MAC",
        enableSorting: false,
        meta: { className: "sm:max-2xl:hidden" },
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.macAddress ? formatMac(row.original.macAddress) : "—"}</span>,
      },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: ({ row }) => <RowActions row={row.original} canWrite={canWrite} canControl={canControl} run={run} disconnect={disconnect} />,
      },
    ],
    [currency, timeZone, fixedBatchId, canWrite, canControl, run, disconnect],
  );

  const filters: FilterOption[] = [
    { param: "status", label: "Status", options: labelOptions(VOUCHER_STATUS_LABEL) },
    ...(fixedBatchId ? [] : [{ param: "batchId", label: "Batch", options: batches.map((b) => ({ value: b.id, label: b.name })) }]),
    ...(packages.length ? [{ param: "packageId", label: "Package", options: packages.map((p) => ({ value: p.id, label: p.name })) }] : []),
  ];

  const scope = fixedBatchId ? { batchId: fixedBatchId } : {};
  return (
    <div>
      <NoticeLine notice={notice} />
      {dialog}
      {commandResult && <CommandResult result={commandResult.result} subject={`voucher ${commandResult.code}`} className="mb-3" />}
      <SessionCommandDialog
        request={disconnecting}
        onCancel={() => setDisconnecting(null)}
        onDone={() => {
          setDisconnecting(null);
          router.refresh();
        }}
      />
      <DataTable
        {...view}
        columns={columns}
        searchPlaceholder="Search code…"
        filters={filters}
        emptyTitle="No vouchers match"
        emptyDescription="Generate a batch, or change the filters."
        toolbarEnd={
          canWrite && (
            <>
              <Button
                variant="secondary"
                size="sm"
                loading={pending}
                onClick={() => run(() => deleteExpiredVouchersAction(null, scope), fixedBatchId ? "Delete the expired vouchers of this batch?" : "Delete all expired vouchers?")}
              >
                <Trash2 className="size-4" aria-hidden /> Delete expired
              </Button>
              <Button
                variant="secondary"
                size="sm"
                loading={pending}
                onClick={() =>
                  run(() => deleteUnusedVouchersAction(null, scope), fixedBatchId ? "Delete every unused voucher of this batch?" : "Delete every unused voucher of every batch? Printed cards stop working.")
                }
              >
                <Trash2 className="size-4" aria-hidden /> Delete unused
              </Button>
            </>
          )
        }
        bulkActions={(ids, clear) => (
          <>
            <a href={`/api/vouchers/pdf?ids=${ids.join(",")}`} className={buttonClasses("secondary", "sm")}>
              <FileText className="size-4" aria-hidden /> Print PDF
            </a>
            <a href={`/api/vouchers/csv?ids=${ids.join(",")}`} className={buttonClasses("secondary", "sm")}>
              <Download className="size-4" aria-hidden /> CSV
            </a>
            {canWrite && (
              <Button
                variant="danger"
                size="sm"
                loading={pending}
                onClick={() => {
                  run(() => deleteVouchersAction(null, { ids }), `Delete ${ids.length} voucher(s)?`);
                  clear();
                }}
              >
                <Trash2 className="size-4" aria-hidden /> Delete
              </Button>
            )}
          </>
        )}
      />
    </div>
  );
}
