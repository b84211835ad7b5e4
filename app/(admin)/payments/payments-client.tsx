"use client";
// The payments table: method, status and purpose filters, a date range, search by reference, phone or
// customer, sort and page, all in the URL; each row links to its receipt and offers the status changes.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { MoreHorizontal, Receipt } from "lucide-react";
import { DataTable, useUrlState, type TableView } from "@/components/data-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/auth/action";
import { completePaymentAction, failPaymentAction, refundPaymentAction } from "./actions";
import { dateTime } from "../vouchers/_lib/format";
import { formatMoney } from "@/lib/money";
import { labelOptions } from "@/components/ui/field";

export interface PaymentRowView {
  id: string;
  receiptNumber: number | null;
  amount: number;
  currency: string;
  method: string;
  status: string;
  purpose: string;
  shortfallAction: string | null;
  reference: string | null;
  phone: string | null;
  when: string;
  customerId: string | null;
  customerName: string | null;
  customerUsername: string | null;
  packageName: string | null;
}

const STATUS_TONE: Record<string, BadgeTone> = { COMPLETED: "green", PENDING: "yellow", FAILED: "red", REFUNDED: "gray" };
const METHOD_LABEL: Record<string, string> = { CASH: "Cash", MPESA: "M-Pesa", BANK_TRANSFER: "Bank transfer", CARD: "Card", OTHER: "Other" };
const PURPOSE_LABEL: Record<string, string> = { RENEWAL: "Renewal", WALLET_TOPUP: "Wallet top-up", VOUCHER: "Voucher" };
const cap = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

function DateRange() {
  const { params, set } = useUrlState();
  return (
    <div className="flex items-center gap-1.5 text-sm">
      <label className="sr-only" htmlFor="from">
        From date
      </label>
      <input
        id="from"
        type="date"
        value={params.get("from") ?? ""}
        onChange={(e) => set({ from: e.target.value })}
        className="h-9 rounded-lg border-0 px-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
      />
      <span className="text-slate-400">–</span>
      <label className="sr-only" htmlFor="to">
        To date
      </label>
      <input
        id="to"
        type="date"
        value={params.get("to") ?? ""}
        onChange={(e) => set({ to: e.target.value })}
        className="h-9 rounded-lg border-0 px-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
      />
    </div>
  );
}

export function PaymentsTable({
  view,
  timeZone,
  canWrite,
}: {
  view: TableView<PaymentRowView>;
  timeZone: string;
  canWrite: boolean;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const { confirmFirst, dialog } = useConfirm();
  const run = (fn: () => Promise<ActionResult<{ message: string }>>, confirmText: string) =>
    confirmFirst(confirmText, () =>
      start(async () => {
        const r = await fn();
        setNotice(r.ok ? { ok: true, text: r.data.message } : { ok: false, text: r.error });
        router.refresh();
      }),
    );

  const columns = useMemo<ColumnDef<PaymentRowView, unknown>[]>(
    () => [
      {
        id: "receiptNumber",
        header: "Receipt",
        // The row's receipt link opens it; below 2xl (1280 px with the sidebar) the table fits without the number.
        meta: { className: "sm:max-2xl:hidden" },
        cell: ({ row }) =>
          row.original.receiptNumber ? <span className="font-mono text-xs tabular-nums">#{row.original.receiptNumber}</span> : <span className="text-slate-400">—</span>,
      },
      { id: "paidAt", header: "Date", cell: ({ row }) => <span className="text-xs">{dateTime(row.original.when, timeZone)}</span> },
      {
        id: "customer",
        header: "Customer",
        enableSorting: false,
        cell: ({ row }) =>
          row.original.customerId ? (
            <div>
              <Link href={`/customers/${row.original.customerId}`} title={row.original.customerName ?? undefined} className="block max-w-[11rem] truncate font-medium text-brand-700 hover:underline">
                {row.original.customerName}
              </Link>
              <p className="max-w-[11rem] truncate text-xs text-slate-500">{row.original.customerUsername}</p>
            </div>
          ) : (
            <span className="text-slate-400">—</span>
          ),
      },
      {
        id: "purpose",
        header: "For",
        enableSorting: false,
        cell: ({ row }) => (
          <div>
            <p>{PURPOSE_LABEL[row.original.purpose] ?? row.original.purpose}</p>
            {row.original.packageName && (
              <p title={row.original.packageName} className="max-w-[8rem] truncate text-xs text-slate-500">
                {row.original.packageName}
              </p>
            )}
          </div>
        ),
      },
      {
        id: "amount",
        header: "Amount",
        cell: ({ row }) => <span className="font-medium tabular-nums text-slate-900">{formatMoney(row.original.amount, row.original.currency)}</span>,
      },
      {
        id: "method",
        header: "Method",
        enableSorting: false,
        cell: ({ row }) => (
          <div>
            <p>{METHOD_LABEL[row.original.method] ?? row.original.method}</p>
            {row.original.reference && (
              <p title={row.original.reference} className="max-w-[8rem] truncate font-mono text-xs text-slate-500">
                {row.original.reference}
              </p>
            )}
          </div>
        ),
      },
      { id: "status", header: "Status", enableSorting: false, cell: ({ row }) => <Badge tone={STATUS_TONE[row.original.status]}>{cap(row.original.status)}</Badge> },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: ({ row }) => {
          const p = row.original;
          const item = "block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50";
          return (
            <div className="flex items-center justify-end gap-1">
              {(p.status === "COMPLETED" || p.status === "REFUNDED") && (
                <Link href={`/payments/${p.id}/receipt`} className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800" aria-label={`Receipt of payment ${p.receiptNumber ?? ""}`}>
                  <Receipt className="size-4" />
                </Link>
              )}
              {canWrite && (p.status === "PENDING" || p.status === "COMPLETED") && (
                <details className="relative">
                  <summary className="list-none rounded-md p-1 text-slate-500 hover:bg-slate-100 [&::-webkit-details-marker]:hidden" aria-label="Payment actions">
                    <MoreHorizontal className="size-4" />
                  </summary>
                  <div className="absolute right-0 z-20 mt-1 w-48 overflow-hidden rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200">
                    {p.status === "PENDING" && (
                      <>
                        <button type="button" className={item} onClick={() => run(() => completePaymentAction(null, { id: p.id }), "Mark this payment as received? It takes effect at once.")}>
                          Mark completed
                        </button>
                        <button type="button" className={item} onClick={() => run(() => failPaymentAction(null, { id: p.id }), "Mark this payment as failed?")}>
                          Mark failed
                        </button>
                      </>
                    )}
                    {p.status === "COMPLETED" && (
                      <button
                        type="button"
                        className={`${item} text-red-600`}
                        onClick={() =>
                          run(
                            () => refundPaymentAction(null, { id: p.id }),
                            p.purpose === "WALLET_TOPUP" || p.shortfallAction === "CREDIT_WALLET" ? "Refund this top-up? The amount is taken back out of the customer's wallet." : "Mark this payment as refunded?",
                          )
                        }
                      >
                        Refund
                      </button>
                    )}
                  </div>
                </details>
              )}
            </div>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [timeZone, canWrite],
  );

  return (
    <div>
      {dialog}
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`mb-3 rounded-lg px-3 py-2 text-sm ring-1 ring-inset ${notice.ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-700 ring-red-200"}`}
        >
          {notice.text}
        </p>
      )}
      <DataTable
        {...view}
        columns={columns}
        searchPlaceholder="Reference, phone, customer, receipt #"
        filters={[
          { param: "method", label: "Method", options: labelOptions(METHOD_LABEL) },
          { param: "status", label: "Status", options: ["COMPLETED", "PENDING", "FAILED", "REFUNDED"].map((s) => ({ value: s, label: cap(s) })) },
          { param: "purpose", label: "For", options: labelOptions(PURPOSE_LABEL) },
        ]}
        toolbarEnd={
          <>
            {pending && <span className="text-xs text-slate-500">Saving…</span>}
            <DateRange />
          </>
        }
        emptyTitle="No payments match"
        emptyDescription="Record a payment, or change the filters."
      />
    </div>
  );
}
