// Marks vouchers whose time is up as EXPIRED: unused ones past their redeem-by date, used ones past their
// expiry. Meant for a scheduled worker job (all tenants, run as the trusted worker) or a tenant's page.
import { and, eq, lt, or } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers } from "@/lib/db/schema";

export async function expireVouchers(db: Database, input: { tenantId?: string; now?: Date } = {}): Promise<{ expired: number }> {
  const now = input.now ?? new Date();
  const rows = await db
    .update(vouchers)
    .set({ status: "EXPIRED" })
    .where(
      and(
        input.tenantId ? eq(vouchers.tenantId, input.tenantId) : undefined,
        or(and(eq(vouchers.status, "AVAILABLE"), lt(vouchers.redeemBy, now)), and(eq(vouchers.status, "USED"), lt(vouchers.expiresAt, now))),
      ),
    )
    .returning({ id: vouchers.id });
  return { expired: rows.length };
}
