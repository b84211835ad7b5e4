import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { pageQuery, parseListParams, type RawSearchParams } from "@/lib/list-params";
import { findPackages, findPackagesSchema } from "@/lib/services/packages/find-packages";
import { PageHeader } from "@/components/ui/card";
import { PackagesTable, type PackageRowView } from "./packages-client";
import { CONNECTION_TYPES } from "@/lib/db/enums";
import { tableView } from "@/components/data-table/view";
import { CreateLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Packages" };

const SORTS = ["name", "price", "created", "type"] as const;
const TYPES = CONNECTION_TYPES;

export default async function PackagesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const staff = await requireStaffPage("packages:read");
  const list = parseListParams(await searchParams, { sortable: SORTS, defaultSort: "name", defaultDir: "asc", filters: ["type", "state"] });
  const type = (TYPES as readonly string[]).includes(list.filters.type ?? "") ? (list.filters.type as (typeof TYPES)[number]) : undefined;
  const state = ["active", "retired", "all"].includes(list.filters.state ?? "") ? (list.filters.state as "active" | "retired" | "all") : "all";
  const page = await withTenant(getDb(), staff.tenantId, (tx) =>
    findPackages(tx, { ...findPackagesSchema.parse({ ...pageQuery(list), q: list.q, type, state }), tenantId: staff.tenantId }),
  );
  const rows: PackageRowView[] = page.rows.map((p) => ({
    id: p.id,
    name: p.name,
    type: p.type,
    price: p.price,
    validityValue: p.validityValue,
    validityUnit: p.validityUnit,
    downloadKbps: p.downloadKbps,
    uploadKbps: p.uploadKbps,
    rateLimit: p.rateLimit,
    dataQuotaGb: p.dataQuotaGb,
    fup: p.fupDownloadKbps != null,
    sharedUsers: p.sharedUsers,
    retired: p.retiredAt !== null,
    customerCount: p.customerCount,
  }));
  const canWrite = can(staff.role, "packages:write");
  return (
    <>
      <PageHeader
        title="Packages"
        description="The plans you sell: price, validity, speed and limits that RADIUS enforces on every session."
        actions={canWrite && <CreateLink href="/packages/new">New package</CreateLink>}
      />
      <PackagesTable view={tableView(page, list, rows)} currency={staff.tenantCurrency} canWrite={canWrite} />
    </>
  );
}
