// One payment of the tenant with its customer and package; another tenant's id is NOT_FOUND.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { payments } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { selectPaymentRows, type PaymentRow } from "./payment-fields";
import { isUuid } from "@/lib/ids";

export async function getPayment(db: Database, input: { tenantId: string; id: string }): Promise<PaymentRow> {
  if (!isUuid(input.id)) throw notFound("Payment");
  const [row] = await selectPaymentRows(db)
    .where(and(eq(payments.tenantId, input.tenantId), eq(payments.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Payment");
  return row as PaymentRow;
}
