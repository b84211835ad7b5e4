// Row access the single-voucher actions share: load one voucher of the tenant (locked) or NOT_FOUND,
// and write an audited change to it.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { vouchers, type Voucher } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export async function lockVoucher(db: Database, tenantId: string, id: string): Promise<Voucher> {
  if (!isUuid(id)) throw notFound("Voucher");
  const [row] = await db
    .select()
    .from(vouchers)
    .where(and(eq(vouchers.tenantId, tenantId), eq(vouchers.id, id)))
    .limit(1)
    .for("update");
  if (!row) throw notFound("Voucher");
  return row;
}

/** The audit summary of a voucher: never its whole row. */
export function voucherSummary(v: Voucher) {
  return { code: v.code, status: v.status, macAddress: v.macAddress, usedBytes: v.usedBytes, usedSeconds: v.usedSeconds, expiresAt: v.expiresAt };
}
