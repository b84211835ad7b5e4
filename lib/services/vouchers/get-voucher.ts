// One voucher of the tenant with its package, batch and live sessions; another tenant's id is NOT_FOUND.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { sessions, vouchers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { selectVoucherRows, type VoucherRow } from "./find-vouchers";
import { isUuid } from "@/lib/ids";

export type VoucherDetail = VoucherRow & {
  sessions: { id: string; nasId: string; framedIp: string | null; callingStationId: string | null; startedAt: Date; inputOctets: bigint; outputOctets: bigint }[];
};

export async function getVoucher(db: Database, input: { tenantId: string; id: string }): Promise<VoucherDetail> {
  if (!isUuid(input.id)) throw notFound("Voucher");
  const [row] = await selectVoucherRows(db, input.tenantId)
    .where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Voucher");
  const live = await db
    .select({
      id: sessions.id,
      nasId: sessions.routerId,
      framedIp: sessions.framedIp,
      callingStationId: sessions.callingStationId,
      startedAt: sessions.startedAt,
      inputOctets: sessions.inputOctets,
      outputOctets: sessions.outputOctets,
    })
    .from(sessions)
    .where(and(eq(sessions.tenantId, input.tenantId), eq(sessions.voucherId, input.id)));
  return { ...(row as VoucherRow), sessions: live };
}
