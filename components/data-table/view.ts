// What a list page hands its client table: the service's page of rows (mapped to plain values) with the
// sort the URL asked for. Server-safe (no "use client"), so pages import it directly.
import type { TableView } from "./data-table";

export function tableView<T>(found: { total: number; page: number; pageSize: number }, list: { sort: string; dir: "asc" | "desc" }, rows: T[]): TableView<T> {
  return { rows, total: found.total, page: found.page, pageSize: found.pageSize, sort: list.sort, dir: list.dir };
}

/** A row as it crosses to the browser: dates as ISO strings, byte counters (bigint) as decimal strings. */
export type Plain<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends bigint ? string : T[K] };

/** `row` with its dates and bigints made plain (see `Plain`); everything else as it is. */
export function toPlain<T extends object>(row: T): Plain<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v;
  return out as Plain<T>;
}
