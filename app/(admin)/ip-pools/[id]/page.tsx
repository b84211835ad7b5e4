import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { isAppError } from "@/lib/errors";
import { getIpPool } from "@/lib/services/ip-pools/get-ip-pool";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { PoolForm } from "../pool-form";
import { poolFormOptions } from "../_options";
import { UtilisationBar } from "../utilisation-bar";
import { DeletePoolButton } from "./delete-pool";
import { formatDateTime } from "@/lib/format";
import { BackLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "IP pool" };

export default async function IpPoolPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("ip-pools:read");
  const { id } = await params;
  const canWrite = can(staff.role, "ip-pools:write");
  const data = await withTenant(getDb(), staff.tenantId, async (tx) => {
    try {
      const pool = await getIpPool(tx, { tenantId: staff.tenantId, id });
      return { pool, opts: canWrite ? await poolFormOptions(tx, staff.tenantId) : null };
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") return null;
      throw e;
    }
  });
  if (!data) notFound();
  const { pool, opts } = data;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "IP pools", href: "/ip-pools" }, { label: pool.name }]}
        title={pool.name}
        description={
          <span className="font-mono">
            {pool.cidr} · {pool.rangeStart} – {pool.rangeEnd}
            {pool.gateway ? ` · gateway ${pool.gateway}` : ""}
          </span>
        }
        actions={
          <>
            <BackLink href="/ip-pools" variant="ghost">All pools</BackLink>
            {canWrite && <DeletePoolButton id={pool.id} name={pool.name} />}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card className="p-5">
            <h2 className="mb-3 text-base font-semibold text-slate-900">Utilisation</h2>
            <UtilisationBar assigned={pool.assigned} size={pool.size} pct={pool.utilisation} />
            <dl className="mt-4 space-y-1 text-sm">
              <div className="flex justify-between">
                <dt className="text-slate-500">Router</dt>
                <dd>{pool.nasName ?? "Any"}</dd>
              </div>
              <div className="flex justify-between">
                <dt className="text-slate-500">Package</dt>
                <dd>{pool.packageName ?? "Any"}</dd>
              </div>
            </dl>
          </Card>
          <Card>
            <CardHeader title="Assignments" description={`${pool.assigned.toLocaleString()} address${pool.assigned === 1 ? "" : "es"} handed out`} />
            {pool.assignments.length === 0 ? (
              <EmptyState title="No address handed out yet" description="RADIUS assigns one when a customer of this pool connects." />
            ) : (
              <ul className="max-h-[480px] divide-y divide-slate-100 overflow-y-auto">
                {pool.assignments.map((a) => (
                  <li key={a.ip} className="flex items-center justify-between gap-3 px-5 py-2 text-sm">
                    <span className="font-mono">{a.ip}</span>
                    <span className="text-right">
                      {a.customerName ? (
                        <Link href={`/customers/${a.customerId}`} className="text-brand-700 hover:underline">
                          {a.customerName}
                        </Link>
                      ) : (
                        <span className="text-slate-400">deleted customer</span>
                      )}
                      <span className="block text-xs text-slate-500">since {formatDateTime(a.assignedAt, staff.tenantTimezone)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        {opts && (
          <Card className="lg:col-span-3">
            <CardHeader title="Settings" />
            <PoolForm
              routers={opts.routers}
              packages={opts.packages}
              initial={{
                id: pool.id,
                name: pool.name,
                cidr: pool.cidr,
                rangeStart: pool.rangeStart,
                rangeEnd: pool.rangeEnd,
                gateway: pool.gateway ?? "",
                nasId: pool.nasId ?? "",
                packageId: pool.packageId ?? "",
              }}
            />
          </Card>
        )}
      </div>
    </>
  );
}
