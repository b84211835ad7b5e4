import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { Card, PageHeader } from "@/components/ui/card";
import { PoolForm } from "../pool-form";
import { poolFormOptions } from "../_options";
import { BackLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "New IP pool" };

export default async function NewPoolPage() {
  const staff = await requireStaffPage("ip-pools:write");
  const opts = await withTenant(getDb(), staff.tenantId, (tx) => poolFormOptions(tx, staff.tenantId));
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "IP pools", href: "/ip-pools" }, { label: "New pool" }]}
        title="New IP pool"
        description="Addresses RADIUS hands to customers (Framed-IP-Address). Ranges of one ISP never overlap."
        actions={<BackLink href="/ip-pools">Back to pools</BackLink>}
      />
      <Card className="max-w-3xl">
        <PoolForm routers={opts.routers} packages={opts.packages} />
      </Card>
    </>
  );
}
