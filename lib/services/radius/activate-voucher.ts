// First hotspot login with a voucher: it becomes USED, its validity starts now and it is bound to the
// device. Conditional on AVAILABLE so two simultaneous first logins cannot both activate it.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

export async function activateVoucher(
  db: Database,
  input: { tenantId: string; voucherId: string; expiresAt: Date; mac: string | null },
): Promise<boolean> {
  const rows = await db.execute<{ id: string }>(sql`
    update vouchers set status = 'USED', used_at = now(), expires_at = ${input.expiresAt.toISOString()}::timestamptz,
           mac_address = coalesce(mac_address, ${input.mac})
     where tenant_id = ${input.tenantId} and id = ${input.voucherId} and status = 'AVAILABLE'
    returning id`);
  return rows.length > 0;
}
