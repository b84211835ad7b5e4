// Everything a printed receipt shows: the ISP (name, contacts), the payment, customer and package, and
// the expiry this payment gave (as recorded when it took effect).
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditLog, customers, tenants } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { getPayment } from "./get-payment";
import type { PaymentRow } from "./payment-fields";

export interface PaymentReceipt {
  payment: PaymentRow;
  tenant: { name: string; contactEmail: string | null; contactPhone: string | null; address: string | null; logoUrl: string | null; timezone: string };
  customer: { name: string; username: string; phone: string | null; expiresAt: Date | null; walletBalance: number } | null;
  /** The expiry after this renewal, or null for top-ups and payments that are not completed. */
  newExpiresAt: Date | null;
  recordedBy: string | null;
}

export async function getPaymentReceipt(db: Database, input: { tenantId: string; id: string }): Promise<PaymentReceipt> {
  const payment = await getPayment(db, input);
  if (payment.status === "PENDING" || payment.status === "FAILED") {
    throw new AppError("CONFLICT", "A receipt is issued once the payment is completed");
  }
  const [tenant] = await db
    .select({ name: tenants.name, contactEmail: tenants.contactEmail, contactPhone: tenants.contactPhone, address: tenants.address, logoUrl: tenants.logoUrl, timezone: tenants.timezone })
    .from(tenants)
    .where(eq(tenants.id, input.tenantId))
    .limit(1);
  if (!tenant) throw notFound("Tenant");
  const [customer] = payment.customerId
    ? await db
        .select({ name: customers.name, username: customers.username, phone: customers.phone, expiresAt: customers.expiresAt, walletBalance: customers.walletBalance })
        .from(customers)
        .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, payment.customerId)))
        .limit(1)
    : [];
  const [effect] = await db
    .select({ after: auditLog.after, actorLabel: auditLog.actorLabel })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, input.tenantId), eq(auditLog.targetType, "payment"), eq(auditLog.targetId, payment.id), inArray(auditLog.action, ["payment.record", "payment.complete"])))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  const after = (effect?.after ?? {}) as { newExpiresAt?: string | null };
  return {
    payment,
    tenant,
    customer: customer ?? null,
    newExpiresAt: after.newExpiresAt ? new Date(after.newExpiresAt) : null,
    recordedBy: effect?.actorLabel ?? null,
  };
}
