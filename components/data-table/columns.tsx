"use client";
// Column definitions that several lists share (a subscriber, an address pair, traffic, a date in the
// tenant's zone, a list entry's title line), so every table shows the same thing the same way.
import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { FilterOption } from "./data-table";
import { X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatBytes, formatDateTime } from "@/lib/format";
import { useUrlState } from "./use-url-state";
import { formatMac } from "@/lib/net/mac";

type Column<T> = ColumnDef<T, unknown>;

/** A session's subscriber: the customer's name (a link when the viewer may open customers), the username below. */
export function subscriberColumn<T extends { customerId: string | null; customerName: string | null; username: string }>(opts: {
  canSeeCustomers: boolean;
  /** The name shown when the session has no customer (a voucher, say); the username if not given. */
  fallbackName?: (row: T) => string;
  /** More to show beside the username (a connection-type badge). */
  extra?: (row: T) => ReactNode;
  enableSorting?: boolean;
}): Column<T> {
  return {
    id: "username",
    header: "Subscriber",
    enableSorting: opts.enableSorting,
    cell: ({ row: { original: r } }) => (
      <div className="min-w-0">
        {r.customerId && opts.canSeeCustomers ? (
          <Link href={`/customers/${r.customerId}`} title={r.customerName ?? r.username} className="block max-w-[12rem] truncate font-medium text-slate-900 hover:text-brand-700">
            {r.customerName ?? r.username}
          </Link>
        ) : (
          <span className="block max-w-[12rem] truncate font-medium text-slate-900">{r.customerName ?? opts.fallbackName?.(r) ?? r.username}</span>
        )}
        {opts.extra ? (
          <div className="flex items-center gap-1.5 text-xs text-slate-500">
            <span className="max-w-[9rem] truncate font-mono" title={r.username}>{r.username}</span>
            {opts.extra(r)}
          </div>
        ) : (
          <div className="max-w-[12rem] truncate font-mono text-xs text-slate-500" title={r.username}>{r.username}</div>
        )}
      </div>
    ),
  };
}

/** The framed IP above the MAC address (in the display form), a dash for what is unknown. */
export function addressColumn<T extends { framedIp: string | null; macAddress: string | null }>(): Column<T> {
  return {
    id: "address",
    header: "IP / MAC",
    enableSorting: false,
    cell: ({ row: { original: r } }) => (
      <div className="font-mono text-xs">
        <div className="text-slate-800">{r.framedIp ?? "—"}</div>
        <div className="text-slate-500">{r.macAddress ? formatMac(r.macAddress) : "—"}</div>
      </div>
    ),
  };
}

/** Bytes down above bytes up (counters as decimal strings: they outgrow a JS number's exact range). */
export function trafficColumn<T extends { downloadBytes: string; uploadBytes: string }>(): Column<T> {
  return {
    id: "bytes",
    header: "Down / up",
    cell: ({ row: { original: r } }) => (
      <div className="tabular-nums text-xs">
        <div className="text-slate-900">↓ {formatBytes(r.downloadBytes)}</div>
        <div className="text-slate-500">↑ {formatBytes(r.uploadBytes)}</div>
      </div>
    ),
  };
}

/** A date and time in the tenant's zone. */
export function dateTimeColumn<T>(id: string, header: string, value: (row: T) => string | null, timeZone: string): Column<T> {
  return { id, header, cell: ({ row: { original: r } }) => <span className="tabular-nums">{formatDateTime(value(r), timeZone)}</span> };
}

/** A list entry's first cell: its name linking to its page, a grey line about it below. */
export function TitleCell({ href, title, children }: { href: string; title: ReactNode; children?: ReactNode }) {
  return (
    <div className="min-w-0">
      <Link href={href} title={typeof title === "string" ? title : undefined} className="block max-w-[14rem] truncate font-medium text-brand-700 hover:underline">
        {title}
      </Link>
      <p className="text-xs text-slate-500">{children}</p>
    </div>
  );
}

/** A filter the URL carries but the toolbar does not offer (one customer's rows), with a button to drop it. */
export function FilterChip({ label, clearLabel, onClear }: { label: ReactNode; clearLabel: string; onClear: () => void }) {
  return (
    <Badge tone="indigo">
      {label}
      <button type="button" aria-label={clearLabel} onClick={onClear}>
        <X className="size-3" />
      </button>
    </Badge>
  );
}

/** The "Router" filter of the session lists (`nasId` in the URL). */
export function routerFilter(options: FilterOption["options"]): FilterOption {
  return { param: "routerId", label: "Router", options };
}

/** What the session lists search: the same fields on the live and the history list. */
export const SESSION_SEARCH_PLACEHOLDER = "Search username, IP or MAC…";

/** On a session list opened from a customer's page: says so, and drops the customer filter on click. */
export function OneCustomerChip({ customerId }: { customerId: string | null }) {
  const { set } = useUrlState();
  if (!customerId) return null;
  return <FilterChip label="One customer’s sessions" clearLabel="Show every customer" onClear={() => set({ customerId: null })} />;
}
