// A signed-in user changes their password: the current one is checked (rate-limited on the pool, so a
// failure that rolls the caller's transaction back is still counted), and every other session of the
// user ends, so a stolen cookie or token stops working.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import type { Database, Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { hashPassword, newPasswordSchema, verifyPassword } from "@/lib/auth/password";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { alsoWhenFieldsFail } from "@/lib/services/zod-helpers";
import { revokeUserSessions } from "./sign-out";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().optional(),
  })
  .refine((d) => d.confirmPassword === undefined || d.confirmPassword === d.newPassword, { message: "The passwords do not match", path: ["confirmPassword"], ...alsoWhenFieldsFail })
  .refine((d) => !d.newPassword || d.currentPassword !== d.newPassword, { message: "Choose a password different from the current one", path: ["newPassword"], ...alsoWhenFieldsFail });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** Every place that asks a signed-in user for their password again shares one counter per user. */
export const passwordCheckLimit = (userId: string) => ({ key: `password-check:${userId}`, limit: 10, windowSeconds: 900 });

export async function changePassword(
  db: Database,
  input: ChangePasswordInput & { tenantId: string | null; userId: string; sessionId?: string },
  actor: Actor,
  ctx: { limits: Db },
): Promise<{ sessionsEnded: number }> {
  await enforceRateLimits(ctx.limits, [passwordCheckLimit(input.userId)]);
  const scope = and(eq(users.id, input.userId), input.tenantId ? eq(users.tenantId, input.tenantId) : isNull(users.tenantId));
  const [user] = await db.select().from(users).where(scope);
  if (!user) throw notFound("User");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("INVALID_INPUT", "Your current password is not right", { fieldErrors: { currentPassword: ["Your current password is not right"] } });
  }
  await db.update(users).set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() }).where(scope);
  const sessionsEnded = await revokeUserSessions(db, { userId: user.id, exceptSessionId: input.sessionId });
  await recordAudit(db, { tenantId: user.tenantId, actor, action: "user.password_change", targetType: "user", targetId: user.id, after: { otherSessionsEnded: sessionsEnded } });
  return { sessionsEnded };
}
