// Parses list-view search params (page, page size, sort, search, filters) into a typed, validated
// shape that services take, so every table's URL is shareable and nothing unexpected reaches SQL.
export interface ListParams<S extends string> {
  page: number;
  pageSize: number;
  sort: S;
  dir: "asc" | "desc";
  q?: string;
  filters: Record<string, string>;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseListParams<S extends string>(
  raw: RawSearchParams,
  opts: { sortable: readonly S[]; defaultSort: S; defaultDir?: "asc" | "desc"; filters?: readonly string[]; pageSizes?: readonly number[] },
): ListParams<S> {
  const sizes = opts.pageSizes ?? [10, 25, 50, 100];
  const page = Math.max(1, Math.min(100_000, Number.parseInt(first(raw.page) ?? "1", 10) || 1));
  const sizeRaw = Number.parseInt(first(raw.pageSize) ?? "", 10);
  const pageSize = sizes.includes(sizeRaw) ? sizeRaw : 25;
  const sortRaw = first(raw.sort) ?? "";
  const desc = sortRaw.startsWith("-");
  const sortKey = (desc ? sortRaw.slice(1) : sortRaw) as S;
  const sort = opts.sortable.includes(sortKey) ? sortKey : opts.defaultSort;
  const dir = opts.sortable.includes(sortKey) ? (desc ? "desc" : "asc") : (opts.defaultDir ?? "desc");
  const q = first(raw.q)?.trim().slice(0, 100) || undefined;
  const filters: Record<string, string> = {};
  for (const f of opts.filters ?? []) {
    const v = first(raw[f])?.trim();
    if (v) filters[f] = v.slice(0, 100);
  }
  return { page, pageSize, sort, dir, q, filters };
}

/** The paging and sort a list service takes, as the URL gave them (the search and filters are the caller's). */
export function pageQuery<S extends string>(list: ListParams<S>): { page: number; pageSize: number; sort: S; dir: "asc" | "desc" } {
  return { page: list.page, pageSize: list.pageSize, sort: list.sort, dir: list.dir };
}
