// Staff (UI or REST) asking to close live sessions: one session, all of a customer's, a voucher's or a
// router's. The ONE service every edge uses: it checks the target is the tenant's, audits under one
// action ("sessions.disconnect"), and enqueues the Disconnect in the caller's transaction. The edge may
// wait for the outcome after that transaction committed (disconnectOutcome).
import { and, count, eq, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, routers, sessions, vouchers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { disconnectSessionsJob } from "@/lib/jobs/catalog";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { DisconnectSessionsJob } from "./session-jobs";

export const DISCONNECT_AUDIT_ACTION = "sessions.disconnect";

export type DisconnectScope = { sessionId: string } | { customerId: string } | { routerId: string } | { voucherId: string };

export interface RequestSessionsDisconnectResult {
  jobId: string | null;
  openSessions: number;
}

type Target = { type: "session" | "customer" | "nas" | "voucher"; id: string; label?: string; selector: Partial<DisconnectSessionsJob>; open: SQL };

async function resolveTarget(db: Database, tenantId: string, scope: DisconnectScope): Promise<Target> {
  if ("sessionId" in scope) {
    const [row] = isUuid(scope.sessionId)
      ? await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, scope.sessionId))).limit(1)
      : [];
    if (!row) throw notFound("Session");
    return { type: "session", id: row.id, selector: { sessionIds: [row.id] }, open: eq(sessions.id, row.id) };
  }
  if ("customerId" in scope) {
    const [row] = isUuid(scope.customerId)
      ? await db.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, tenantId), eq(customers.id, scope.customerId))).limit(1)
      : [];
    if (!row) throw notFound("Customer");
    return { type: "customer", id: row.id, selector: { customerId: row.id }, open: eq(sessions.customerId, row.id) };
  }
  if ("voucherId" in scope) {
    const [row] = isUuid(scope.voucherId)
      ? await db.select({ id: vouchers.id, code: vouchers.code }).from(vouchers).where(and(eq(vouchers.tenantId, tenantId), eq(vouchers.id, scope.voucherId))).limit(1)
      : [];
    if (!row) throw notFound("Voucher");
    const open = await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.voucherId, row.id)));
    return { type: "voucher", id: row.id, label: row.code, selector: { sessionIds: open.map((s) => s.id) }, open: eq(sessions.voucherId, row.id) };
  }
  const [row] = isUuid(scope.routerId) ? await db.select({ id: routers.id }).from(routers).where(and(eq(routers.tenantId, tenantId), eq(routers.id, scope.routerId))).limit(1) : [];
  if (!row) throw notFound("Router");
  return { type: "nas", id: row.id, selector: { nasId: row.id }, open: eq(sessions.routerId, row.id) };
}

export async function requestSessionsDisconnect(
  db: Database,
  input: { tenantId: string; scope: DisconnectScope; reason?: string },
  actor: Actor,
): Promise<RequestSessionsDisconnectResult> {
  const { tenantId, scope } = input;
  return db.transaction(async (tx) => {
    const target = await resolveTarget(tx, tenantId, scope);
    const [{ n: openSessions }] = await tx.select({ n: count() }).from(sessions).where(and(eq(sessions.tenantId, tenantId), target.open));
    const reason = input.reason ?? `staff disconnect (${target.type})`;
    const job: DisconnectSessionsJob = { tenantId, ...target.selector, reason, requestedBy: actor.userId ? `staff:${actor.userId}` : (actor.label ?? "api") };
    const jobId = openSessions === 0 ? null : await enqueueJob(tx, disconnectSessionsJob, job);
    await recordAudit(tx, {
      tenantId,
      actor,
      action: DISCONNECT_AUDIT_ACTION,
      targetType: target.type,
      targetId: target.id,
      after: { openSessions, reason, jobId, ...(target.label ? { code: target.label } : {}) },
    });
    return { jobId, openSessions };
  });
}
