// Asks the worker to disconnect a voucher's live sessions (RADIUS Disconnect-Request through the
// session-control job). Nothing is sent when the voucher has no open session.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { sessions, vouchers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { JOBS } from "@/lib/jobs/names";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { enqueueSessionJob, type DisconnectSessionsJob } from "@/lib/services/sessions/session-jobs";
import { isUuid } from "@/lib/ids";

export interface DisconnectVoucherResult {
  jobId: string | null;
  openSessions: number;
}

export async function disconnectVoucher(db: Database, input: { tenantId: string; id: string; reason?: string }, actor: Actor): Promise<DisconnectVoucherResult> {
  if (!isUuid(input.id)) throw notFound("Voucher");
  const [v] = await db
    .select({ id: vouchers.id, code: vouchers.code })
    .from(vouchers)
    .where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.id, input.id)))
    .limit(1);
  if (!v) throw notFound("Voucher");
  const open = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.tenantId, input.tenantId), eq(sessions.voucherId, v.id)));
  if (open.length === 0) return { jobId: null, openSessions: 0 };
  const job: DisconnectSessionsJob = {
    tenantId: input.tenantId,
    sessionIds: open.map((s) => s.id),
    reason: input.reason ?? "voucher disconnect",
    requestedBy: actor.userId ? `staff:${actor.userId}` : (actor.label ?? "system"),
  };
  const jobId = await enqueueSessionJob(JOBS.disconnectSessions, job);
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "voucher.disconnect", targetType: "voucher", targetId: v.id, after: { code: v.code, sessions: open.length, jobId } });
  return { jobId, openSessions: open.length };
}
