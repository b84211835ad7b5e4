// What creating and updating a pool share: the tenant's pool-write lock, the overlap check and the
// router/package ownership checks, so two pools can never hand out the same address.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { ipPools, routers, packages } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { ipv4ToInt as ipToInt } from "@/lib/net/ip";

export async function checkPoolPlacement(
  db: Database,
  tenantId: string,
  pool: { id?: string; rangeStart: string; rangeEnd: string; nasId?: string | null; packageId?: string | null },
): Promise<void> {
  // Serialises pool writes of a tenant: two concurrent creates cannot both pass the overlap check.
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`ip-pools:${tenantId}`}, 0))`);
  const fieldErrors: Record<string, string[]> = {};
  const others = await db
    .select({ name: ipPools.name, rangeStart: ipPools.rangeStart, rangeEnd: ipPools.rangeEnd })
    .from(ipPools)
    .where(and(eq(ipPools.tenantId, tenantId), pool.id ? ne(ipPools.id, pool.id) : undefined));
  const s = ipToInt(pool.rangeStart);
  const e = ipToInt(pool.rangeEnd);
  const clash = others.find((o) => ipToInt(o.rangeStart) <= e && s <= ipToInt(o.rangeEnd));
  if (clash) fieldErrors.rangeStart = [`Overlaps pool “${clash.name}” (${clash.rangeStart} – ${clash.rangeEnd})`];
  if (pool.nasId) {
    const [r] = await db.select({ id: routers.id }).from(routers).where(and(eq(routers.tenantId, tenantId), eq(routers.id, pool.nasId))).limit(1);
    if (!r) fieldErrors.nasId = ["Choose one of your routers"];
  }
  if (pool.packageId) {
    const [p] = await db.select({ id: packages.id }).from(packages).where(and(eq(packages.tenantId, tenantId), eq(packages.id, pool.packageId))).limit(1);
    if (!p) fieldErrors.packageId = ["Choose one of your packages"];
  }
  if (Object.keys(fieldErrors).length) {
    const code = clash ? "CONFLICT" : "INVALID_INPUT";
    throw new AppError(code, clash ? fieldErrors.rangeStart[0] : "Some fields need your attention", { fieldErrors });
  }
}
