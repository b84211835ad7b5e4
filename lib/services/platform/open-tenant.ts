// "Open as this tenant": the operator's session acts as the tenant until they return to the platform.
// Both ends are audited in the tenant's log, so the ISP can see every visit.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { authSessions, tenants, users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { zUuid } from "@/lib/services/zod-helpers";

export const openTenantSchema = z.object({ tenantId: zUuid("Tenant id") });

async function operatorSession(db: Database, sessionId: string) {
  const [row] = await db
    .select({ id: authSessions.id, actingTenantId: authSessions.actingTenantId, role: users.role })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
  if (!row || row.role !== "SUPER_ADMIN") throw new AppError("FORBIDDEN", "Only a platform operator can open a tenant");
  return row;
}

export type OpenTenantInput = z.output<typeof openTenantSchema>;

export async function openTenant(db: Database, input: OpenTenantInput & { sessionId: string }, actor: Actor) {
  await operatorSession(db, input.sessionId);
  const [tenant] = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, input.tenantId));
  if (!tenant) throw notFound("Tenant");
  await db.update(authSessions).set({ actingTenantId: tenant.id }).where(eq(authSessions.id, input.sessionId));
  await recordAudit(db, { tenantId: tenant.id, actor, action: "platform.tenant_open", targetType: "tenant", targetId: tenant.id, after: { sessionId: input.sessionId } });
  return tenant;
}

export async function closeTenant(db: Database, input: { sessionId: string }, actor: Actor) {
  const session = await operatorSession(db, input.sessionId);
  if (!session.actingTenantId) return null;
  await db.update(authSessions).set({ actingTenantId: null }).where(eq(authSessions.id, input.sessionId));
  await recordAudit(db, { tenantId: session.actingTenantId, actor, action: "platform.tenant_close", targetType: "tenant", targetId: session.actingTenantId });
  return session.actingTenantId;
}
