// The platform operator suspends or reactivates a tenant. Suspension needs a reason (shown to its staff
// at sign-in), ends every live session of its staff at once, and says what happens to its subscribers:
// GRACE keeps their service, REFUSE has RADIUS refuse them (with a Reply-Message) and disconnects the
// sessions that are up. Reactivating a suspended trial resumes the trial with its end date, unless the
// operator ends the trial (activates it as paid).
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { authSessions, sessions, tenants, tenantSuspensionMode } from "@/lib/db/schema";
import type { Database, Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { disconnectSessionsJob } from "@/lib/jobs/catalog";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { zBool, zUuid } from "@/lib/services/zod-helpers";

export const setTenantStatusSchema = z.discriminatedUnion("status", [
  z.object({
    tenantId: zUuid("Tenant id"),
    status: z.literal("ACTIVE"),
    /** For a suspended trial: true makes it a paid tenant (no trial end); false resumes the trial. */
    endTrial: zBool.default(false),
  }),
  z.object({
    tenantId: zUuid("Tenant id"),
    status: z.literal("SUSPENDED"),
    reason: z.string().trim().min(3, "Give a reason the tenant's staff will see").max(300),
    mode: z.enum(tenantSuspensionMode.enumValues, { message: "Choose whether the ISP's subscribers keep service or are refused" }),
  }),
]);
export type SetTenantStatusInput = z.output<typeof setTenantStatusSchema>;

export async function setTenantStatus(db: Database, input: SetTenantStatusInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for("update");
    if (!before) throw notFound("Tenant");
    // A suspended tenant that still has a trial end was suspended during its trial.
    const resumeTrial = input.status === "ACTIVE" && before.status === "SUSPENDED" && before.trialEndsAt !== null && !input.endTrial;
    const [after] = await tx
      .update(tenants)
      .set(
        input.status === "SUSPENDED"
          ? { status: "SUSPENDED", suspendedReason: input.reason, suspensionMode: input.mode }
          : resumeTrial
            ? { status: "TRIAL", suspendedReason: null, suspensionMode: null }
            : { status: "ACTIVE", suspendedReason: null, suspensionMode: null, trialEndsAt: null },
      )
      .where(eq(tenants.id, input.tenantId))
      .returning();
    let sessionsEnded = 0;
    let subscriberSessionsDisconnected = 0;
    if (input.status === "SUSPENDED") {
      const ended = await tx
        .update(authSessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(authSessions.tenantId, input.tenantId), isNull(authSessions.revokedAt)))
        .returning({ id: authSessions.id });
      sessionsEnded = ended.length;
      if (input.mode === "REFUSE") subscriberSessionsDisconnected = await disconnectTenantSessions(tx, input.tenantId);
    }
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor,
      action: input.status === "SUSPENDED" ? "platform.tenant_suspend" : "platform.tenant_activate",
      targetType: "tenant",
      targetId: input.tenantId,
      before: { status: before.status, suspendedReason: before.suspendedReason, suspensionMode: before.suspensionMode, trialEndsAt: before.trialEndsAt },
      after: { status: after.status, suspendedReason: after.suspendedReason, suspensionMode: after.suspensionMode, trialEndsAt: after.trialEndsAt, sessionsEnded, subscriberSessionsDisconnected },
    });
    return after;
  });
}

/** One disconnect job per router with live sessions, in the suspension's transaction: sent when it commits. */
async function disconnectTenantSessions(tx: Tx, tenantId: string): Promise<number> {
  const perRouter = await tx
    .select({ routerId: sessions.routerId, n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(eq(sessions.tenantId, tenantId))
    .groupBy(sessions.routerId);
  for (const { routerId } of perRouter) {
    if (!routerId) continue;
    await enqueueJob(tx, disconnectSessionsJob, { tenantId, nasId: routerId, reason: "platform suspension", requestedBy: "platform", whenTenantRefused: true });
  }
  return perRouter.reduce((s, r) => s + r.n, 0);
}
