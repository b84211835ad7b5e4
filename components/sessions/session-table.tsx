"use client";
// The data table as both session lists (live and history) use it: the same search, the router filter
// first, and the chip that says the list is one customer's.
import { DataTable, type DataTableProps, type FilterOption } from "@/components/data-table";
import { OneCustomerChip, routerFilter, SESSION_SEARCH_PLACEHOLDER } from "@/components/data-table/columns";

export function SessionTable<T extends { id: string }>({
  customerId,
  routerOptions,
  filters = [],
  ...table
}: DataTableProps<T> & { customerId: string | null; routerOptions: FilterOption["options"] }) {
  return (
    <>
      <OneCustomerChip customerId={customerId} />
      <DataTable searchPlaceholder={SESSION_SEARCH_PLACEHOLDER} {...table} filters={[routerFilter(routerOptions), ...filters]} />
    </>
  );
}
