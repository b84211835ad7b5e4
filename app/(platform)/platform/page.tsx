import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePlatformPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findPlatformTenants, findPlatformTenantsSchema } from "@/lib/services/platform/find-platform-tenants";
import { getSetting } from "@/lib/settings";
import { Building2, Activity, Router, Users } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, PageHeader, StatCard } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { TenantsTable } from "./tenants-table";
import { returnToPlatform } from "./actions";

export const metadata: Metadata = { title: "Platform" };

export default async function PlatformPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string }> }) {
  const staff = await requirePlatformPage();
  // First sign-in of the installation: nothing works for routers until the operator says where RADIUS is.
  if ((await getSetting(getDb(), { key: "routers.radius_address" })) === null) redirect("/platform/settings");
  const sp = await searchParams;
  const filters = findPlatformTenantsSchema.safeParse(sp);
  const tenants = await findPlatformTenants(getDb(), filters.success ? filters.data : {});
  const sum = (k: "customers" | "routers" | "activeSessions") => tenants.reduce((s, t) => s + t[k], 0);
  return (
    <>
      {staff.impersonating && (
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          <span>Your session is still open as {staff.tenantName}.</span>
          <form action={returnToPlatform}>
            <Button size="sm" variant="secondary" type="submit">
              Close {staff.tenantName}
            </Button>
          </form>
        </div>
      )}
      <PageHeader
        title="Tenants"
        description="Every ISP on this installation."
        actions={
          <Link href="/platform/settings" className={buttonClasses("secondary")}>
            Installation settings
          </Link>
        }
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Tenants" value={tenants.length} icon={<Building2 className="size-5" />} hint={`${tenants.filter((t) => t.status === "SUSPENDED").length} suspended`} />
        <StatCard label="Customers" value={sum("customers").toLocaleString("en")} icon={<Users className="size-5" />} />
        <StatCard label="Routers" value={sum("routers").toLocaleString("en")} icon={<Router className="size-5" />} />
        <StatCard label="Active sessions" value={sum("activeSessions").toLocaleString("en")} icon={<Activity className="size-5" />} />
      </div>
      <Card className="mb-4 p-4">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <Input name="q" placeholder="Search name or slug" defaultValue={sp.q ?? ""} className="max-w-xs" aria-label="Search tenants" />
          <Select name="status" defaultValue={sp.status ?? ""} className="w-40" aria-label="Status">
            <option value="">Any status</option>
            <option value="TRIAL">Trial</option>
            <option value="ACTIVE">Active</option>
            <option value="SUSPENDED">Suspended</option>
          </Select>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
      </Card>
      <TenantsTable
        tenants={tenants.map((t) => ({ ...t, trialEndsAt: t.trialEndsAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString() }))}
      />
    </>
  );
}
