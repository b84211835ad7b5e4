// Resolves a session id (from the browser JWT or a REST access token) to the staff member and tenant,
// refusing revoked or expired sessions, deactivated users and suspended tenants. One query.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { authSessions, settings, tenants, users, type Role } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readValue } from "@/lib/settings";

export interface StaffContext {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** The tenant every query of this request is scoped to (for a SUPER_ADMIN: the tenant being opened, or null). */
  tenantId: string | null;
  tenantName: string | null;
  tenantSlug: string | null;
  tenantCurrency: string;
  tenantTimezone: string;
  /** True when a platform operator is viewing a tenant as that tenant. */
  impersonating: boolean;
  /** Whether this user has TOTP on, and whether their tenant requires it (pages send them to enrol). */
  totpEnabled?: boolean;
  totpRequired?: boolean;
}

/** The registry key of the tenant's security policy, joined here so a request costs one query. */
const SECURITY_SETTINGS_KEY = "security";

const acting = alias(tenants, "acting_tenant");

/**
 * A member of a tenant that requires two-factor sign-in who has not set it up: until they do, they may
 * only enrol, see who they are and sign out. Pages send them to enrol; actions and REST refuse with this.
 */
export function mustEnrolTotp(ctx: Pick<StaffContext, "totpRequired" | "totpEnabled">): boolean {
  return !!ctx.totpRequired && !ctx.totpEnabled;
}

export function totpSetupRequired(tenantName: string | null): AppError {
  return new AppError(
    "FORBIDDEN",
    `${tenantName ?? "Your ISP"} requires two-factor sign-in. Set up an authenticator app at /two-factor/setup first.`,
    { reason: "TOTP_SETUP_REQUIRED" },
  );
}

export async function getSessionContext(db: Database, sessionId: string): Promise<StaffContext | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await db
    .select({
      sessionId: authSessions.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      userTenantId: users.tenantId,
      totpEnabledAt: users.totpEnabledAt,
      security: settings.value,
      tenant: { id: tenants.id, name: tenants.name, slug: tenants.slug, status: tenants.status, currency: tenants.currency, timezone: tenants.timezone, trialEndsAt: tenants.trialEndsAt },
      acting: { id: acting.id, name: acting.name, slug: acting.slug, currency: acting.currency, timezone: acting.timezone },
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(acting, eq(acting.id, authSessions.actingTenantId))
    .leftJoin(settings, and(eq(settings.tenantId, users.tenantId), eq(settings.key, SECURITY_SETTINGS_KEY)))
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, sql`now()`), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  if (row.tenant?.status === "SUSPENDED") return null;
  if (row.tenant?.status === "TRIAL" && row.tenant.trialEndsAt && row.tenant.trialEndsAt < new Date()) return null;

  const impersonating = row.role === "SUPER_ADMIN" && !!row.acting?.id;
  const t = impersonating ? row.acting : row.tenant;
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantId: t?.id ?? null,
    tenantName: t?.name ?? null,
    tenantSlug: t?.slug ?? null,
    tenantCurrency: t?.currency ?? "KES",
    tenantTimezone: t?.timezone ?? "Africa/Nairobi",
    impersonating,
    totpEnabled: !!row.totpEnabledAt,
    totpRequired: !impersonating && readValue(SECURITY_SETTINGS_KEY, row.security ?? undefined).requireTotp,
  };
}

/** Touches last_seen_at at most once a minute per session (cheap, and shows activity in settings). */
export async function touchSession(db: Database, sessionId: string) {
  await db
    .update(authSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(authSessions.id, sessionId), sql`${authSessions.lastSeenAt} < now() - interval '1 minute'`));
}
