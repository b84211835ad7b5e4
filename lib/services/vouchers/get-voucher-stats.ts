// How many of the tenant's vouchers are in each state, for the vouchers page and the dashboard.
import { count, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers } from "@/lib/db/schema";

export interface VoucherStats {
  total: number;
  AVAILABLE: number;
  USED: number;
  EXPIRED: number;
  REVOKED: number;
}

export async function getVoucherStats(db: Database, input: { tenantId: string }): Promise<VoucherStats> {
  const rows = await db.select({ status: vouchers.status, n: count() }).from(vouchers).where(eq(vouchers.tenantId, input.tenantId)).groupBy(vouchers.status);
  const stats: VoucherStats = { total: 0, AVAILABLE: 0, USED: 0, EXPIRED: 0, REVOKED: 0 };
  for (const r of rows) {
    stats[r.status] = r.n;
    stats.total += r.n;
  }
  return stats;
}

/** Vouchers that can still log in: the ones a guessed code could hit. */
export function liveVoucherCount(stats: VoucherStats): number {
  return stats.AVAILABLE + stats.USED;
}
