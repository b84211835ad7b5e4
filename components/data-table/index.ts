export { DataTable, type DataTableProps, type FilterOption } from "./data-table";
export { useUrlState } from "./use-url-state";
