// Worker side of JOBS.changeSessionRate: a CoA-Request with the new Mikrotik-Rate-Limit for each open
// session of a customer, applied live without a reconnect; on ACK the session's rate_limit is updated.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";
import { RadiusCode } from "@/lib/radius";
import { sessionIdentification } from "@/lib/radius-client";
import { loadCoaTargets, mapLimited, type CoaSender } from "./coa-targets";
import { recordCoaResult } from "./record-coa-result";
import type { ChangeSessionRateJob, SessionCommandReport, SessionCommandResult } from "./session-jobs";

export async function changeSessionRate(
  db: Database,
  coa: CoaSender,
  job: ChangeSessionRateJob & { sessionIds?: string[]; reason?: string },
): Promise<SessionCommandReport> {
  const targets = await loadCoaTargets(db, { tenantId: job.tenantId, customerId: job.customerId, sessionIds: job.sessionIds });
  const results = await mapLimited(targets, 32, async (t): Promise<SessionCommandResult> => {
    const base = { sessionId: t.sessionId, username: t.username, nasId: t.routerId, closed: false };
    try {
      const result = await coa.send(
        { host: t.nasIp, port: t.coaPort, secret: t.secret },
        {
          code: RadiusCode.CoaRequest,
          attributes: [
            ...sessionIdentification({ username: t.username, acctSessionId: t.acctSessionId, framedIp: t.framedIp, nasIp: t.nasIp }),
            ["Mikrotik-Rate-Limit", job.rateLimit],
          ],
          messageAuthenticator: t.messageAuthenticator,
        },
      );
      await recordCoaResult(db, {
        tenantId: job.tenantId,
        routerId: t.routerId,
        nasIp: t.nasIp,
        username: t.username,
        request: "CoA",
        result,
        detail: { sessionId: t.sessionId, acctSessionId: t.acctSessionId, rateLimit: job.rateLimit, reason: job.reason ?? null, requestedBy: job.requestedBy ?? null },
      });
      return { ...base, outcome: result.outcome, errorCause: result.errorCauseName };
    } catch (e) {
      return { ...base, outcome: "ERROR", message: (e as Error).message };
    }
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
