// What the customer page shows beside the record: live sessions, the last 20 finished sessions and
// the last 20 payments, each read through indexes led by (tenant_id, customer_id).
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, routers, payments, sessionHistory, sessions } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export async function getCustomerActivity(db: Database, input: { tenantId: string; id: string }) {
  if (!isUuid(input.id)) throw notFound("Customer");
  const [c] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, input.tenantId), eq(customers.id, input.id)))
    .limit(1);
  if (!c) throw notFound("Customer");
  const [live, history, paid] = await Promise.all([
    db
      .select({
        id: sessions.id,
        nasName: routers.name,
        framedIp: sessions.framedIp,
        callingStationId: sessions.callingStationId,
        startedAt: sessions.startedAt,
        updatedAt: sessions.updatedAt,
        sessionTime: sessions.sessionTime,
        inputOctets: sessions.inputOctets,
        outputOctets: sessions.outputOctets,
        rateLimit: sessions.rateLimit,
      })
      .from(sessions)
      .leftJoin(routers, eq(routers.id, sessions.routerId))
      .where(and(eq(sessions.tenantId, input.tenantId), eq(sessions.customerId, input.id)))
      .orderBy(desc(sessions.startedAt)),
    db
      .select({
        id: sessionHistory.id,
        nasName: routers.name,
        framedIp: sessionHistory.framedIp,
        callingStationId: sessionHistory.callingStationId,
        startedAt: sessionHistory.startedAt,
        stoppedAt: sessionHistory.stoppedAt,
        sessionTime: sessionHistory.sessionTime,
        inputOctets: sessionHistory.inputOctets,
        outputOctets: sessionHistory.outputOctets,
        terminateCause: sessionHistory.terminateCause,
      })
      .from(sessionHistory)
      .leftJoin(routers, eq(routers.id, sessionHistory.routerId))
      .where(and(eq(sessionHistory.tenantId, input.tenantId), eq(sessionHistory.customerId, input.id)))
      .orderBy(desc(sessionHistory.stoppedAt))
      .limit(20),
    db
      .select({
        id: payments.id,
        amount: payments.amount,
        currency: payments.currency,
        method: payments.method,
        status: payments.status,
        purpose: payments.purpose,
        reference: payments.reference,
        receiptNumber: payments.receiptNumber,
        paidAt: payments.paidAt,
        createdAt: payments.createdAt,
        notes: payments.notes,
      })
      .from(payments)
      .where(and(eq(payments.tenantId, input.tenantId), eq(payments.customerId, input.id)))
      .orderBy(desc(payments.createdAt))
      .limit(20),
  ]);
  return { live, history, payments: paid };
}
