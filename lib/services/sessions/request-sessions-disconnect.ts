// Staff asking to close live sessions (one, all of a customer, all of a router): checks the target is
// the tenant's, audits, and hands the Disconnect to the worker. The edge may then wait for the outcome.
import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, nas, sessions } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { JOBS } from "@/lib/jobs/names";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { isUuid } from "@/lib/ids";
import { enqueueSessionJob, type DisconnectSessionsJob } from "./session-jobs";

export type DisconnectScope = { sessionId: string } | { customerId: string } | { nasId: string };

export interface RequestSessionsDisconnectResult {
  jobId: string | null;
  openSessions: number;
}

export async function requestSessionsDisconnect(
  db: Database,
  input: { tenantId: string; scope: DisconnectScope; reason?: string },
  actor: Actor,
): Promise<RequestSessionsDisconnectResult> {
  const { tenantId, scope } = input;
  const job: DisconnectSessionsJob = { tenantId, reason: input.reason ?? "staff disconnect", requestedBy: actor.userId ? `staff:${actor.userId}` : (actor.label ?? "api") };
  let target: { type: string; id: string };
  let openSessions: number;
  if ("sessionId" in scope) {
    if (!isUuid(scope.sessionId)) throw notFound("Session");
    const [row] = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, scope.sessionId)))
      .limit(1);
    if (!row) throw notFound("Session");
    job.sessionIds = [row.id];
    target = { type: "session", id: row.id };
    openSessions = 1;
  } else if ("customerId" in scope) {
    if (!isUuid(scope.customerId)) throw notFound("Customer");
    const [row] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, scope.customerId)))
      .limit(1);
    if (!row) throw notFound("Customer");
    job.customerId = row.id;
    target = { type: "customer", id: row.id };
    openSessions = await countOpen(db, tenantId, eq(sessions.customerId, row.id));
  } else {
    if (!isUuid(scope.nasId)) throw notFound("Router");
    const [row] = await db
      .select({ id: nas.id })
      .from(nas)
      .where(and(eq(nas.tenantId, tenantId), eq(nas.id, scope.nasId)))
      .limit(1);
    if (!row) throw notFound("Router");
    job.nasId = row.id;
    target = { type: "nas", id: row.id };
    openSessions = await countOpen(db, tenantId, eq(sessions.nasId, row.id));
  }
  await recordAudit(db, { tenantId, actor, action: "sessions.disconnect", targetType: target.type, targetId: target.id, after: { openSessions, reason: job.reason } });
  if (openSessions === 0) return { jobId: null, openSessions };
  return { jobId: await enqueueSessionJob(JOBS.disconnectSessions, job), openSessions };
}

async function countOpen(db: Database, tenantId: string, extra: ReturnType<typeof eq>): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(sessions).where(and(eq(sessions.tenantId, tenantId), extra));
  return n;
}
