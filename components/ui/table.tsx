// The table for pages that show a short, fixed list (a customer's sessions and payments, API keys, the
// audit log) without the data table's paging and URL state. Same look as the data table, and like it
// a list of cards on phones: each cell is labelled with its column's name.
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export interface TableColumn<T> {
  key: string;
  header: ReactNode;
  /** The column's name on phones, when `header` is not plain text ("" for none). */
  label?: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

export function Table<T>({
  columns,
  rows,
  rowKey,
  label,
  className,
  align = "middle",
  empty,
}: {
  columns: TableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** The table's accessible name. */
  label?: string;
  className?: string;
  align?: "middle" | "top";
  /** Shown instead of the table when there are no rows (an EmptyState). */
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div className={cn("relative overflow-x-auto", className)}>
      <table className="table-stack min-w-full divide-y divide-slate-100 text-sm" aria-label={label}>
        <thead className="bg-slate-50/80">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-slate-100", align === "top" && "align-top")}>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-slate-50">
              {columns.map((c) => (
                <td key={c.key} data-label={c.label ?? (typeof c.header === "string" ? c.header : "")} className={cn("px-4 py-2.5 text-slate-700", c.className)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
