"use client";
// The one table for every list: rows come from the server already paged, sorted and filtered; this
// component renders them with @tanstack/react-table and writes page/sort/search/filters to the URL.
// On phones the rows become a list of cards (globals.css .table-stack), each value named by its column,
// so no column (the status, the actions) is hidden off-screen.
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Search } from "lucide-react";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import { useUrlState } from "./use-url-state";

export interface FilterOption {
  param: string;
  label: string;
  options: { value: string; label: string }[];
}

/** One page of a list as the server read it: what every list page hands its client table (see `tableView`). */
export interface TableView<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Current sort key and direction, as parsed on the server. */
  sort?: string;
  dir?: "asc" | "desc";
}

export interface DataTableProps<T extends { id: string }> extends TableView<T> {
  columns: ColumnDef<T, unknown>[];
  /** The row's id; `row.id` unless given. */
  getRowId?: (row: T) => string;
  searchPlaceholder?: string;
  filters?: FilterOption[];
  /** Rendered above the table when rows are selected; enables the selection column. */
  bulkActions?: (selectedIds: string[], clear: () => void) => ReactNode;
  toolbarEnd?: ReactNode;
  emptyTitle?: string;
  emptyDescription?: string;
}

/** Classes for a column's header and cells, e.g. `sm:max-2xl:hidden` for a column that only fits on wide
 * screens (phones show every value in the card layout, so hide only from sm up). */
function columnClass<T>(def: ColumnDef<T, unknown>): string | undefined {
  return (def.meta as { className?: string } | undefined)?.className;
}

/** A column's name for the phone layout: its header when that is text, else `meta.label`. */
function cellLabel<T>(def: ColumnDef<T, unknown>): string {
  const meta = def.meta as { label?: string } | undefined;
  if (meta?.label !== undefined) return meta.label;
  return typeof def.header === "string" ? def.header : "";
}

const rowId = (row: { id: string }) => row.id;

function SelectBox({ label, checked, indeterminate = false, onChange }: { label: string; checked: boolean; indeterminate?: boolean; onChange: (e: unknown) => void }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="size-4 rounded border-slate-300 text-brand-600"
      checked={checked}
      ref={(el) => {
        if (el) el.indeterminate = indeterminate;
      }}
      onChange={onChange}
    />
  );
}

export function DataTable<T extends { id: string }>({
  columns,
  rows,
  total,
  page,
  pageSize,
  sort,
  dir,
  getRowId = rowId,
  searchPlaceholder = "Search…",
  filters = [],
  bulkActions,
  toolbarEnd,
  emptyTitle = "Nothing here yet",
  emptyDescription,
}: DataTableProps<T>) {
  const { params, set, pending } = useUrlState();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [selection, setSelection] = useState<RowSelectionState>({});

  // Debounced search: the URL (and so the server query) changes 300 ms after typing stops.
  useEffect(() => {
    const current = params.get("q") ?? "";
    if (search === current) return;
    const t = setTimeout(() => set({ q: search }), 300);
    return () => clearTimeout(t);
  }, [search, params, set]);

  const allColumns = useMemo<ColumnDef<T, unknown>[]>(() => {
    if (!bulkActions) return columns;
    return [
      {
        id: "_select",
        enableSorting: false,
        header: ({ table }) => (
          <SelectBox
            label="Select all rows on this page"
            checked={table.getIsAllRowsSelected()}
            indeterminate={table.getIsSomeRowsSelected()}
            onChange={table.getToggleAllRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => <SelectBox label="Select row" checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />,
      },
      ...columns,
    ];
  }, [columns, bulkActions]);

  // TanStack Table returns fresh functions each render; the compiler must not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: allColumns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableRowSelection: !!bulkActions,
    state: { rowSelection: selection },
    onRowSelectionChange: setSelection,
  });

  const selectedIds = Object.keys(selection).filter((k) => selection[k]);
  // Column headers are hidden on phones: sorting is offered as a choice instead.
  const sortOptions = allColumns
    .filter((c) => c.enableSorting !== false && c.id && c.id !== "_select")
    .map((c) => ({ id: c.id!, label: cellLabel(c) }))
    .filter((o) => o.label);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);

  const toggleSort = (id: string) => {
    const nextDir = sort === id && dir === "asc" ? "desc" : "asc";
    set({ sort: nextDir === "desc" ? `-${id}` : id });
  };

  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      {/* One row: search, then the filters, then the page's own controls. On a phone the
          search takes the first line. Filters that do not fit wrap onto another line, so none is cut off. */}
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 p-3 sm:flex-nowrap">
        <label className="relative w-full sm:w-56 sm:flex-none">
          <span className="sr-only">Search</span>
          <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-400" aria-hidden />
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={searchPlaceholder}
            className="h-9 w-full rounded-lg border-0 pl-8 pr-3 text-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600"
          />
        </label>
        <div data-testid="table-filters" className="relative flex min-w-0 flex-1 basis-full flex-wrap items-center gap-2 sm:basis-0">
          {sortOptions.length > 0 && (
            <label className="text-sm sm:hidden">
              <span className="sr-only">Sort by</span>
              <select
                aria-label="Sort by"
                value={sort ? (dir === "desc" ? `-${sort}` : sort) : ""}
                onChange={(e) => set({ sort: e.target.value })}
                className="h-9 max-w-[11rem] rounded-lg border-0 py-0 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
              >
                {sortOptions.flatMap((o) => [
                  <option key={o.id} value={o.id}>
                    {o.label} ↑
                  </option>,
                  <option key={`-${o.id}`} value={`-${o.id}`}>
                    {o.label} ↓
                  </option>,
                ])}
              </select>
            </label>
          )}
          {filters.map((f) => (
            <label key={f.param} className="shrink-0 text-sm">
              <span className="sr-only">{f.label}</span>
              <select
                aria-label={f.label}
                value={params.get(f.param) ?? ""}
                onChange={(e) => set({ [f.param]: e.target.value })}
                className="h-9 max-w-[11rem] rounded-lg border-0 py-0 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
              >
                <option value="">{f.label}: all</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-2 sm:shrink-0 sm:flex-nowrap">
          {pending && <span className="size-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-label="Loading" />}
          {toolbarEnd}
        </div>
      </div>

      {bulkActions && selectedIds.length > 0 && (
        <div className="flex items-center gap-3 overflow-x-auto whitespace-nowrap border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm">
          <span className="font-medium text-brand-700">{selectedIds.length} selected</span>
          {bulkActions(selectedIds, () => setSelection({}))}
        </div>
      )}

      <div className={cn("relative overflow-x-auto transition-opacity", pending && "opacity-60")}>
        <table className="table-stack min-w-full divide-y divide-slate-100 text-sm">
          <thead className="bg-slate-50/80">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((header) => {
                  const sortable = header.column.columnDef.enableSorting !== false && header.column.id !== "_select";
                  const isSorted = sort === header.column.id;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={isSorted ? (dir === "asc" ? "ascending" : "descending") : undefined}
                      className={cn("whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", columnClass(header.column.columnDef))}>
                      {header.isPlaceholder ? null : sortable ? (
                        <button
                          type="button"
                          onClick={() => toggleSort(header.column.id)}
                          className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {isSorted ? dir === "asc" ? <ArrowUp className="size-3.5" /> : <ArrowDown className="size-3.5" /> : <ArrowUpDown className="size-3.5 opacity-40" />}
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={cn("hover:bg-slate-50", row.getIsSelected() && "bg-brand-50/50")}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-label={cellLabel(cell.column.columnDef)} className={cn("whitespace-nowrap px-4 py-2.5 text-slate-700", columnClass(cell.column.columnDef))}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <div className="px-6 py-14 text-center">
            <p className="text-sm font-semibold text-slate-900">{emptyTitle}</p>
            {emptyDescription && <p className="mt-1 text-sm text-slate-500">{emptyDescription}</p>}
          </div>
        )}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
        <p>
          {total === 0 ? "No results" : (
            <>
              Showing <span className="font-medium text-slate-900">{from.toLocaleString()}</span>–
              <span className="font-medium text-slate-900">{to.toLocaleString()}</span> of{" "}
              <span className="font-medium text-slate-900">{total.toLocaleString()}</span>
            </>
          )}
        </p>
        <div className="flex items-center gap-2">
          <label className="flex items-center gap-2">
            <span className="hidden sm:inline">Rows</span>
            <select
              aria-label="Rows per page"
              value={pageSize}
              onChange={(e) => set({ pageSize: e.target.value })}
              className="h-8 rounded-lg border-0 py-0 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300"
            >
              {[10, 25, 50, 100].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <span className="px-1">
            Page {page} of {pageCount.toLocaleString()}
          </span>
          <button
            type="button"
            aria-label="Previous page"
            disabled={page <= 1}
            onClick={() => set({ page: page - 1 }, { resetPage: false })}
            className="rounded-lg p-1.5 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40"
          >
            <ChevronLeft className="size-4" />
          </button>
          <button
            type="button"
            aria-label="Next page"
            disabled={page >= pageCount}
            onClick={() => set({ page: page + 1 }, { resetPage: false })}
            className="rounded-lg p-1.5 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40"
          >
            <ChevronRight className="size-4" />
          </button>
        </div>
      </div>
    </div>
  );
}
