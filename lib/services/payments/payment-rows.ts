// Loads one payment of the tenant under a row lock for a status change, or NOT_FOUND.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { payments, type Payment } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export async function lockPayment(db: Database, tenantId: string, id: string): Promise<Payment> {
  if (!isUuid(id)) throw notFound("Payment");
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.id, id)))
    .limit(1)
    .for("update");
  if (!row) throw notFound("Payment");
  return row;
}
