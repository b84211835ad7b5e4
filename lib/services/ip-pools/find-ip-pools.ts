// The tenant's pools with their router, package and utilisation (addresses assigned / addresses usable).
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { ipAssignments, ipPools, routers, packages } from "@/lib/db/schema";
import { blank, pageOf, paginationSchema, type Page } from "@/lib/services/zod-helpers";
import { poolSize } from "./ip-pool-fields";
import { containsPattern } from "@/lib/db/like";

export const findIpPoolsSchema = paginationSchema.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  search: z.preprocess(blank, z.string().trim().max(100).optional()),
});
export type FindIpPoolsInput = z.output<typeof findIpPoolsSchema>;

export interface IpPoolRow {
  id: string;
  name: string;
  cidr: string;
  rangeStart: string;
  rangeEnd: string;
  gateway: string | null;
  nasId: string | null;
  nasName: string | null;
  packageId: string | null;
  packageName: string | null;
  size: number;
  assigned: number;
  /** 0–100. */
  utilisation: number;
  createdAt: Date;
}

export function poolSelect(db: Database, tenantId: string) {
  const used = db
    .select({ poolId: ipAssignments.poolId, n: count().as("n") })
    .from(ipAssignments)
    .where(eq(ipAssignments.tenantId, tenantId))
    .groupBy(ipAssignments.poolId)
    .as("used");
  return db
    .select({
      id: ipPools.id,
      name: ipPools.name,
      cidr: ipPools.cidr,
      rangeStart: ipPools.rangeStart,
      rangeEnd: ipPools.rangeEnd,
      gateway: ipPools.gateway,
      nasId: ipPools.routerId,
      nasName: routers.name,
      packageId: ipPools.packageId,
      packageName: packages.name,
      assigned: used.n,
      createdAt: ipPools.createdAt,
    })
    .from(ipPools)
    .leftJoin(used, eq(used.poolId, ipPools.id))
    .leftJoin(routers, and(eq(routers.id, ipPools.routerId), eq(routers.tenantId, ipPools.tenantId)))
    .leftJoin(packages, and(eq(packages.id, ipPools.packageId), eq(packages.tenantId, ipPools.tenantId)));
}

export function toPoolRow(r: Omit<IpPoolRow, "size" | "utilisation" | "assigned"> & { assigned: number | null }): IpPoolRow {
  const size = poolSize(r);
  const assigned = Number(r.assigned ?? 0);
  return { ...r, assigned, size, utilisation: size > 0 ? Math.min(100, Math.round((assigned / size) * 1000) / 10) : 0 };
}

export async function findIpPools(db: Database, input: FindIpPoolsInput & { tenantId: string }): Promise<Page<IpPoolRow>> {
  const q = input;
  const like = q.search ? containsPattern(q.search) : undefined;
  const where = and(eq(ipPools.tenantId, input.tenantId), like ? or(ilike(ipPools.name, like), ilike(ipPools.cidr, like)) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    poolSelect(db, input.tenantId)
      .where(where)
      .orderBy(asc(ipPools.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(ipPools).where(where),
  ]);
  return pageOf(rows.map(toPoolRow), total, q.page, q.pageSize);
}
