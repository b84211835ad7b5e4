// Worker side of JOBS.changeSessionRate: a CoA-Request with the new Mikrotik-Rate-Limit for each open
// session of a customer, applied live without a reconnect; on ACK the session's rate_limit is updated.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";
import { loadCoaTargets, sendToTargets, type CoaSender } from "./coa-targets";
import type { ChangeSessionRateJob, SessionCommandReport } from "./session-jobs";

export async function changeSessionRate(
  db: Database,
  coa: CoaSender,
  job: ChangeSessionRateJob & { sessionIds?: string[]; reason?: string },
): Promise<SessionCommandReport> {
  const targets = await loadCoaTargets(db, { tenantId: job.tenantId, customerId: job.customerId, sessionIds: job.sessionIds });
  const results = await sendToTargets(db, coa, targets, {
    tenantId: job.tenantId,
    request: "CoA",
    attributes: [["Mikrotik-Rate-Limit", job.rateLimit]],
    detail: { rateLimit: job.rateLimit, reason: job.reason ?? null, requestedBy: job.requestedBy ?? null },
  });
  const acked = results.filter((r) => r.outcome === "ACK").map((r) => r.sessionId);
  if (acked.length > 0) {
    await db
      .update(sessions)
      .set({ rateLimit: job.rateLimit })
      .where(and(eq(sessions.tenantId, job.tenantId), inArray(sessions.id, acked)));
  }
  return { results, rateLimit: job.rateLimit };
}
