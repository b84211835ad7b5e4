// Zeroes a voucher's used bytes and seconds, giving back its data and time quota.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers, type Voucher } from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { lockVoucher, voucherSummary } from "./voucher-rows";

export async function resetVoucherCounters(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<Voucher> {
  return db.transaction(async (tx) => {
    const v = await lockVoucher(tx, input.tenantId, input.id);
    const [after] = await tx
      .update(vouchers)
      .set({ usedBytes: sql`0`, usedSeconds: 0 })
      .where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.id, v.id)))
      .returning();
    await recordAudit(tx, { tenantId: input.tenantId, actor, action: "voucher.reset-counters", targetType: "voucher", targetId: v.id, before: voucherSummary(v), after: voucherSummary(after) });
    return after;
  });
}
