// Staff sign-in for the browser and REST: rate limits, password, tenant state, then a revocable session.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { authSessions, tenants, users, type Role } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { suspensionEffect } from "@/lib/services/platform/suspension-modes";
import { AppError } from "@/lib/errors";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import crypto from "node:crypto";
import { hashToken } from "@/lib/crypto";
import { enforceRateLimits, resetRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { getSecuritySettings } from "@/lib/services/tenants/get-security-settings";
import { totpSetupRequired } from "./get-session-context";
import { verifySecondFactor } from "./second-factor";
import { issueRefreshToken } from "./refresh-token";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Password is required").max(200),
  totpCode: z.string().trim().max(32).optional(),
});
export type SignInInput = z.output<typeof signInSchema>;

export const WEB_SESSION_SECONDS = 7 * 24 * 3600;
export const API_REFRESH_SECONDS = 30 * 24 * 3600;

export interface SignInContext {
  ip: string | null;
  userAgent: string | null;
  kind: "WEB" | "API";
}

export interface SignInResult {
  user: { id: string; email: string; name: string; role: Role; tenantId: string | null };
  sessionId: string;
  /** Only for API sign-ins: the refresh token, shown once. */
  refreshToken?: string;
  expiresAt: Date;
}

const LOGIN_LIMITS = (email: string, ip: string | null) => [
  { key: `login:account:${email}`, limit: 10, windowSeconds: 900 },
  ...(ip ? [{ key: `login:ip:${ip}`, limit: 50, windowSeconds: 900 }] : []),
];

export async function signIn(db: Db, input: SignInInput, ctx: SignInContext): Promise<SignInResult> {
  await enforceRateLimits(db, LOGIN_LIMITS(input.email, ctx.ip));

  const [row] = await db
    .select({ user: users, tenantStatus: tenants.status, tenantName: tenants.name, suspendedReason: tenants.suspendedReason, suspensionMode: tenants.suspensionMode, trialEndsAt: tenants.trialEndsAt })
    .from(users)
    .leftJoin(tenants, eq(tenants.id, users.tenantId))
    .where(sql`lower(${users.email}) = ${input.email}`)
    .limit(1);

  if (!row) {
    await burnPasswordCheck(input.password);
    throw new AppError("UNAUTHORIZED", "Wrong email or password");
  }
  if (!(await verifyPassword(input.password, row.user.passwordHash))) {
    await recordAudit(db, {
      tenantId: row.user.tenantId,
      actor: { userId: row.user.id, ip: ctx.ip, userAgent: ctx.userAgent },
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: row.user.id,
    });
    throw new AppError("UNAUTHORIZED", "Wrong email or password");
  }
  // Only after the password is right do we say why an account cannot sign in.
  if (!row.user.active) throw new AppError("FORBIDDEN", "This account has been deactivated. Ask your administrator.");
  if (row.tenantStatus === "SUSPENDED") {
    throw new AppError(
      "FORBIDDEN",
      `${row.tenantName} is suspended${row.suspendedReason ? `: ${row.suspendedReason}` : ""}. ${suspensionEffect(row.suspensionMode)} Contact the platform operator.`,
      { reason: "TENANT_SUSPENDED", suspensionMode: row.suspensionMode },
    );
  }
  if (row.tenantStatus === "TRIAL" && row.trialEndsAt && row.trialEndsAt < new Date()) {
    throw new AppError("FORBIDDEN", `The trial of ${row.tenantName} has ended. Contact the platform operator to continue.`, { reason: "TRIAL_ENDED" });
  }
  await verifySecondFactor(db, row.user, input.totpCode, ctx);
  // The browser signs such a member in to enrol; a REST token would only be refused on every route.
  if (ctx.kind === "API" && !row.user.totpEnabledAt && row.user.tenantId && (await getSecuritySettings(db, { tenantId: row.user.tenantId })).requireTotp) {
    throw totpSetupRequired(row.tenantName);
  }

  await resetRateLimit(db, `login:account:${input.email}`);
  const sessionId = crypto.randomUUID();
  const refreshToken = ctx.kind === "API" ? issueRefreshToken(sessionId) : undefined;
  const expiresAt = new Date(Date.now() + (ctx.kind === "API" ? API_REFRESH_SECONDS : WEB_SESSION_SECONDS) * 1000);
  const [session] = await db
    .insert(authSessions)
    .values({
      id: sessionId,
      userId: row.user.id,
      tenantId: row.user.tenantId,
      kind: ctx.kind,
      refreshTokenHash: refreshToken ? hashToken(refreshToken) : null,
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 400),
      expiresAt,
    })
    .returning({ id: authSessions.id });
  await db.update(users).set({ lastLoginAt: new Date() }).where(and(eq(users.id, row.user.id)));
  await recordAudit(db, {
    tenantId: row.user.tenantId,
    actor: { userId: row.user.id, ip: ctx.ip, userAgent: ctx.userAgent },
    action: "auth.sign_in",
    targetType: "user",
    targetId: row.user.id,
    after: { kind: ctx.kind },
  });

  const { id, email, name, role, tenantId } = row.user;
  return { user: { id, email, name, role, tenantId }, sessionId: session.id, refreshToken, expiresAt };
}
