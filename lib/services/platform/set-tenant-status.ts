// The platform operator activates or suspends a tenant. Suspension needs a reason (shown to its staff
// at sign-in) and ends every live session of its staff at once.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { authSessions, tenants } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { zUuid } from "@/lib/services/zod-helpers";

export const setTenantStatusSchema = z.discriminatedUnion("status", [
  z.object({ tenantId: zUuid("Tenant id"), status: z.literal("ACTIVE") }),
  z.object({ tenantId: zUuid("Tenant id"), status: z.literal("SUSPENDED"), reason: z.string().trim().min(3, "Give a reason the tenant's staff will see").max(300) }),
]);
export type SetTenantStatusInput = z.input<typeof setTenantStatusSchema>;

export async function setTenantStatus(db: Database, input: SetTenantStatusInput, actor: Actor) {
  const data = setTenantStatusSchema.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tenants).where(eq(tenants.id, data.tenantId)).for("update");
    if (!before) throw notFound("Tenant");
    const [after] = await tx
      .update(tenants)
      .set(data.status === "SUSPENDED" ? { status: "SUSPENDED", suspendedReason: data.reason } : { status: "ACTIVE", suspendedReason: null, trialEndsAt: null })
      .where(eq(tenants.id, data.tenantId))
      .returning();
    let sessionsEnded = 0;
    if (data.status === "SUSPENDED") {
      const ended = await tx
        .update(authSessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(authSessions.tenantId, data.tenantId), isNull(authSessions.revokedAt)))
        .returning({ id: authSessions.id });
      sessionsEnded = ended.length;
    }
    await recordAudit(tx, {
      tenantId: data.tenantId,
      actor,
      action: data.status === "SUSPENDED" ? "platform.tenant_suspend" : "platform.tenant_activate",
      targetType: "tenant",
      targetId: data.tenantId,
      before: { status: before.status, suspendedReason: before.suspendedReason },
      after: { status: after.status, suspendedReason: after.suspendedReason, sessionsEnded },
    });
    return after;
  });
}
