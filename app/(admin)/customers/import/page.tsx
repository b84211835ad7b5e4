import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { IMPORT_TEMPLATE_HEADER } from "@/lib/services/customers/validate-customer-import";
import { DATE_FORMATS_HELP } from "@/lib/services/customers/customer-fields";
import { ImportClient } from "./import-client";

export const metadata: Metadata = { title: "Import customers" };

export default async function ImportCustomersPage() {
  await requireStaffPage("customers:write");
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader breadcrumbs={[{ label: "Customers", href: "/customers" }, { label: "Import" }]} title="Import customers" description="Upload a CSV, check the preview, then import. Nothing is written until every row is valid." />
      <ImportClient header={IMPORT_TEMPLATE_HEADER} dateFormats={DATE_FORMATS_HELP} />
    </div>
  );
}
