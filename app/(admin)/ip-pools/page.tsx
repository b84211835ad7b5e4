import type { Metadata } from "next";
import Link from "next/link";
import { Network } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findIpPools, findIpPoolsSchema } from "@/lib/services/ip-pools/find-ip-pools";
import { Card, EmptyState, PageHeader, StatCard, StatGrid } from "@/components/ui/card";
import { UtilisationBar } from "./utilisation-bar";
import { CreateLink } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "IP pools" };

export default async function IpPoolsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const staff = await requireStaffPage("ip-pools:read");
  const { q } = await searchParams;
  const pools = await withTenant(getDb(), staff.tenantId, (tx) => findIpPools(tx, { ...findIpPoolsSchema.parse({ search: q, pageSize: 500 }), tenantId: staff.tenantId }));
  const canWrite = can(staff.role, "ip-pools:write");
  const size = pools.rows.reduce((n, p) => n + p.size, 0);
  const assigned = pools.rows.reduce((n, p) => n + p.assigned, 0);
  const full = pools.rows.filter((p) => p.utilisation >= 90).length;

  return (
    <>
      <PageHeader
        title="IP pools"
        description="Address ranges handed to customers by RADIUS; each customer keeps the same address in a pool."
        actions={canWrite && <CreateLink href="/ip-pools/new">Add pool</CreateLink>}
      />
      <StatGrid label="Pool figures" columns={3} className="mb-6">
        <StatCard label="Pools" value={pools.total.toLocaleString()} icon={<Network className="size-5" />} />
        <StatCard label="Addresses assigned" value={`${assigned.toLocaleString()} / ${size.toLocaleString()}`} hint={size ? `${Math.round((assigned / size) * 100)}% in use` : undefined} />
        <StatCard label="Nearly full" value={full.toLocaleString()} hint="pools at 90% or more" />
      </StatGrid>
      <Card>
        {pools.rows.length === 0 ? (
          <EmptyState
            title={q ? "No pool matches" : "No IP pools yet"}
            description="Add a pool so customers without a static IP get an address from RADIUS."
            action={canWrite && <CreateLink href="/ip-pools/new" size="sm">Add pool</CreateLink>}
          />
        ) : (
          <div className="relative overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-100 text-sm">
              <thead className="bg-slate-50/80 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2.5">Pool</th>
                  <th scope="col" className="px-4 py-2.5">Network</th>
                  <th scope="col" className="px-4 py-2.5">Range</th>
                  <th scope="col" className="px-4 py-2.5">Gateway</th>
                  <th scope="col" className="px-4 py-2.5">Used by</th>
                  <th scope="col" className="px-4 py-2.5">Utilisation</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {pools.rows.map((p) => (
                  <tr key={p.id} className="hover:bg-slate-50">
                    <td className="px-4 py-3">
                      <Link href={`/ip-pools/${p.id}`} className="font-medium text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                    </td>
                    <td className="px-4 py-3 font-mono text-xs">{p.cidr}</td>
                    <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">
                      {p.rangeStart} – {p.rangeEnd}
                    </td>
                    <td className="px-4 py-3 font-mono text-xs">{p.gateway ?? "—"}</td>
                    <td className="px-4 py-3 text-slate-600">{[p.nasName && `Router ${p.nasName}`, p.packageName && `Package ${p.packageName}`].filter(Boolean).join(" · ") || "Any"}</td>
                    <td className="px-4 py-3">
                      <UtilisationBar assigned={p.assigned} size={p.size} pct={p.utilisation} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
