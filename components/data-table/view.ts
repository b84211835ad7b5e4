// What a list page hands its client table: the service's page of rows (mapped to plain values) with the
// sort the URL asked for. Server-safe (no "use client"), so pages import it directly.
import type { TableView } from "./data-table";

export function tableView<T>(found: { total: number; page: number; pageSize: number }, list: { sort: string; dir: "asc" | "desc" }, rows: T[]): TableView<T> {
  return { rows, total: found.total, page: found.page, pageSize: found.pageSize, sort: list.sort, dir: list.dir };
}
