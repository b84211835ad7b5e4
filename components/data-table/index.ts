export { DataTable, type DataTableProps, type FilterOption, type TableView } from "./data-table";
export { useUrlState } from "./use-url-state";
