import type { Metadata } from "next";
import Link from "next/link";
import { Upload } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { pageQuery, parseListParams, type RawSearchParams } from "@/lib/list-params";
import { findCustomerOptions } from "@/lib/services/customers/find-customer-options";
import { customerFilterKeys, customerFiltersSchema, customerSortKeys, findCustomers, findCustomersSchema } from "@/lib/services/customers/find-customers";
import { PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { CustomersTable, type CustomerRowView } from "./customers-client";
import { packageOptions } from "./_lib/options";
import { tableView, toPlain } from "@/components/data-table/view";
import { CreateLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("customers:read");
  const list = parseListParams(await searchParams, { sortable: customerSortKeys, defaultSort: "created", defaultDir: "desc", filters: customerFilterKeys });
  // Unknown filter values are dropped rather than failing the page.
  const filters = Object.fromEntries(Object.entries(list.filters).filter(([k, v]) => customerFiltersSchema.shape[k as keyof typeof customerFiltersSchema.shape]?.safeParse(v).success));
  const [page, opts] = await withTenant(getDb(), staff.tenantId, (tx) =>
    Promise.all([
      findCustomers(tx, { ...findCustomersSchema.parse({ ...pageQuery(list), q: list.q, ...filters }), tenantId: staff.tenantId }),
      findCustomerOptions(tx, { tenantId: staff.tenantId }),
    ]),
  );
  const rows: CustomerRowView[] = page.rows.map(toPlain);
  const canWrite = can(staff.role, "customers:write");
  const exportQuery = new URLSearchParams(Object.entries({ ...filters, ...(list.q ? { q: list.q } : {}) })).toString();
  return (
    <>
      <PageHeader
        title="Customers"
        description={`${page.total.toLocaleString()} subscriber${page.total === 1 ? "" : "s"} match${page.total === 1 ? "es" : ""} this view.`}
        actions={
          canWrite && (
            <>
              <Link href="/customers/import" className={buttonClasses("secondary")}>
                <Upload className="size-4" aria-hidden /> Import CSV
              </Link>
              <CreateLink href="/customers/new">New customer</CreateLink>
            </>
          )
        }
      />
      <CustomersTable
        view={tableView(page, list, rows)}
        now={new Date().toISOString()}
        timeZone={staff.tenantTimezone}
        canWrite={canWrite}
        packages={packageOptions(opts, staff.tenantCurrency)}
        exportHref={`/api/customers/export${exportQuery ? `?${exportQuery}` : ""}`}
      />
    </>
  );
}
