// Worker side of JOBS.disconnectSessions: a Disconnect-Request per open session, and on ACK (or when
// the router says the session no longer exists, Error-Cause 503) the session goes to history as Admin-Reset.
import type { Database } from "@/lib/db/client";
import { ACCT_TERMINATE_CAUSE, ERROR_CAUSE } from "@/lib/radius";
import { closeSessions } from "./close-sessions";
import { loadCoaTargets, sendToTargets, type CoaSender } from "./coa-targets";
import { and, eq } from "drizzle-orm";
import { customers, tenants } from "@/lib/db/schema";
import type { DisconnectSessionsJob, SessionCommandReport } from "./session-jobs";

const ADMIN_RESET = "Admin-Reset" satisfies keyof typeof ACCT_TERMINATE_CAUSE;

export async function disconnectSessions(db: Database, coa: CoaSender, job: DisconnectSessionsJob): Promise<SessionCommandReport> {
  if (job.whenStatusIn && job.customerId) {
    const [row] = await db
      .select({ status: customers.status })
      .from(customers)
      .where(and(eq(customers.tenantId, job.tenantId), eq(customers.id, job.customerId)));
    // The job is visible only once the change that sent it committed; a status changed again since
    // (a suspension undone before the job ran) means there is nothing to cut any more.
    if (row && !job.whenStatusIn.includes(row.status)) return { results: [], skipped: `customer status is now ${row.status}` };
  }
  if (job.whenTenantRefused) {
    const [row] = await db.select({ status: tenants.status, mode: tenants.suspensionMode }).from(tenants).where(eq(tenants.id, job.tenantId));
    // As above: committed before it became visible; a tenant reactivated (or set to grace) since keeps its sessions.
    if (row && !(row.status === "SUSPENDED" && row.mode === "REFUSE")) return { results: [], skipped: "the tenant's suspension no longer refuses service" };
  }
  // Every selector given narrows the set (quota enforcement sends a customer and its session ids).
  const targets = await loadCoaTargets(db, { tenantId: job.tenantId, sessionIds: job.sessionIds, customerId: job.customerId, routerId: job.nasId });
  const results = await sendToTargets(db, coa, targets, {
    tenantId: job.tenantId,
    request: "Disconnect",
    detail: { reason: job.reason ?? null, requestedBy: job.requestedBy ?? null },
  });
  const toClose = results.filter(
    (r) => r.outcome === "ACK" || (r.outcome === "NAK" && r.errorCause === nameOf(ERROR_CAUSE["Session-Context-Not-Found"])),
  );
  await closeSessions(db, { tenantId: job.tenantId, sessionIds: toClose.map((r) => r.sessionId), terminateCause: ADMIN_RESET });
  // One closed meanwhile by the router's own Accounting-Stop is gone either way.
  for (const r of toClose) r.closed = true;
  return { results };
}

function nameOf(code: number): string {
  return Object.entries(ERROR_CAUSE).find(([, v]) => v === code)![0];
}
