// Plain, serialisable voucher rows for the client table (dates as ISO strings, counters as strings).
import type { VoucherRow } from "@/lib/services/vouchers/find-vouchers";
import type { VoucherRowView } from "../vouchers-client";

export function toVoucherRowView(r: VoucherRow): VoucherRowView {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    batchId: r.batchId,
    batchName: r.batchName,
    packageName: r.packageName,
    price: r.price,
    redeemBy: r.redeemBy?.toISOString() ?? null,
    usedAt: r.usedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    macAddress: r.macAddress,
    usedBytes: r.usedBytes.toString(),
    usedSeconds: r.usedSeconds,
    online: r.online,
  };
}
