"use client";
// The packages table with retire / offer again / delete; a package in use cannot be deleted and the
// refusal says so, pointing at retiring it instead.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { Archive, ArchiveRestore, Pencil, Trash2 } from "lucide-react";
import { DataTable, type TableView } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatKbps } from "@/lib/format";
import { TYPE_LABEL, validity } from "../customers/_lib/format";
import { deletePackageAction, retirePackageAction } from "./actions";
import { formatMoney } from "@/lib/money";
import { labelOptions } from "@/components/ui/field";

export interface PackageRowView {
  id: string;
  name: string;
  type: string;
  price: number;
  validityValue: number;
  validityUnit: string;
  downloadKbps: number;
  uploadKbps: number;
  rateLimit: string;
  dataQuotaGb: number | null;
  fup: boolean;
  sharedUsers: number;
  retired: boolean;
  customerCount: number;
}

export function PackagesTable(props: { view: TableView<PackageRowView>; currency: string; canWrite: boolean }) {
  const { currency, canWrite } = props;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const { confirmFirst: confirmRetire, dialog: retireDialog } = useConfirm("Retire");
  const { confirmFirst: confirmDelete, dialog: deleteDialog } = useConfirm("Delete", "danger");

  const run = useCallback(
    (fn: () => Promise<{ ok: boolean; error?: string; message?: string }>) =>
      start(async () => {
        const r = await fn();
        setNotice(r.ok ? { tone: "ok", text: r.message ?? "Done" } : { tone: "error", text: r.error ?? "Failed" });
        router.refresh();
      }),
    [router],
  );

  const columns = useMemo<ColumnDef<PackageRowView, unknown>[]>(
    () => [
      {
        id: "name",
        header: "Package",
        cell: ({ row }) => (
          <div>
            <span title={row.original.name} className="inline-block max-w-[14rem] truncate align-bottom font-medium text-slate-900">{row.original.name}</span> {row.original.retired && <Badge>Retired</Badge>}
            <p className="font-mono text-xs text-slate-500">{row.original.rateLimit}</p>
          </div>
        ),
      },
      { id: "type", header: "Type", cell: ({ row }) => <Badge tone="indigo">{TYPE_LABEL[row.original.type] ?? row.original.type}</Badge> },
      {
        id: "price",
        header: "Price",
        cell: ({ row }) => (
          <div className="tabular-nums">
            {formatMoney(row.original.price, currency)}
            <p className="text-xs text-slate-500">per {validity(row.original.validityValue, row.original.validityUnit)}</p>
          </div>
        ),
      },
      {
        id: "speed",
        header: "Speed ↓/↑",
        enableSorting: false,
        // The rate limit under the name says the same; below 2xl (1280 px with the sidebar) the table fits without it.
        meta: { className: "sm:max-2xl:hidden" },
        cell: ({ row }) => (
          <span className="tabular-nums">
            {formatKbps(row.original.downloadKbps)} / {formatKbps(row.original.uploadKbps)}
          </span>
        ),
      },
      {
        id: "quota",
        header: "Quota",
        enableSorting: false,
        cell: ({ row }) => (row.original.dataQuotaGb == null ? <span className="text-slate-400">Unlimited</span> : `${row.original.dataQuotaGb} GB${row.original.fup ? " + FUP" : ""}`),
      },
      { id: "customers", header: "Customers", enableSorting: false, cell: ({ row }) => <span className="tabular-nums">{row.original.customerCount.toLocaleString()}</span> },
      {
        id: "actions",
        header: "",
        enableSorting: false,
        cell: ({ row }) =>
          canWrite && (
            <div className="flex justify-end gap-1">
              <Link href={`/packages/${row.original.id}/edit`} className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900" title="Edit" aria-label={`Edit ${row.original.name}`}>
                <Pencil className="size-4" />
              </Link>
              <button
                type="button"
                disabled={pending}
                className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
                title={row.original.retired ? "Offer again" : "Retire"}
                aria-label={`${row.original.retired ? "Offer again" : "Retire"} ${row.original.name}`}
                onClick={() => {
                  confirmRetire(row.original.retired ? null : `Retire “${row.original.name}”? Current customers keep it; it can no longer be chosen for others.`, () =>
                    run(() => retirePackageAction(null, { id: row.original.id, retired: !row.original.retired })),
                  );
                }}
              >
                {row.original.retired ? <ArchiveRestore className="size-4" /> : <Archive className="size-4" />}
              </button>
              <button
                type="button"
                disabled={pending}
                className="rounded-md p-1.5 text-slate-500 hover:bg-red-50 hover:text-red-700"
                title="Delete"
                aria-label={`Delete ${row.original.name}`}
                onClick={() => {
                  confirmDelete(`Delete “${row.original.name}”? This cannot be undone.`, () => run(() => deletePackageAction(null, { id: row.original.id })));
                }}
              >
                <Trash2 className="size-4" />
              </button>
            </div>
          ),
      },
    ],
    [currency, canWrite, pending, run, confirmRetire, confirmDelete],
  );

  return (
    <div className="space-y-3">
      {retireDialog}
      {deleteDialog}
      {notice && (
        <div role={notice.tone === "error" ? "alert" : "status"} className={`flex items-start justify-between gap-3 rounded-lg px-4 py-3 text-sm ring-1 ring-inset ${notice.tone === "error" ? "bg-red-50 text-red-800 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200"}`}>
          <span>{notice.text}</span>
          <Button variant="ghost" size="sm" onClick={() => setNotice(null)}>
            Dismiss
          </Button>
        </div>
      )}
      <DataTable
        {...props.view}
        columns={columns}
        searchPlaceholder="Search packages…"
        filters={[
          { param: "type", label: "Type", options: labelOptions(TYPE_LABEL) },
          {
            param: "state",
            label: "Status",
            options: [
              { value: "active", label: "Offered" },
              { value: "retired", label: "Retired" },
            ],
          },
        ]}
        emptyTitle="No packages yet"
        emptyDescription={canWrite ? "Create your first plan: price, validity and speed." : undefined}
      />
    </div>
  );
}
