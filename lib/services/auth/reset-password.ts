// Completes a password reset: the token is consumed in the same statement that checks it (single
// use even under races), the password changes, and every session of the user ends.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { passwordResetTokens, users } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/crypto";
import { hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { alsoWhenFieldsFail } from "@/lib/services/zod-helpers";
import { revokeUserSessions } from "./sign-out";

export const resetPasswordSchema = z
  .object({
    token: z.string().trim().min(20, "This reset link is not valid").max(200, "This reset link is not valid"),
    password: newPasswordSchema,
    confirmPassword: z.string().optional(),
  })
  .refine((d) => d.confirmPassword === undefined || d.confirmPassword === d.password, { message: "The passwords do not match", path: ["confirmPassword"], ...alsoWhenFieldsFail });
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

const INVALID = "This reset link is invalid, already used or expired. Ask for a new one.";

export async function resetPassword(db: Db, input: ResetPasswordInput, ctx: { ip: string | null; userAgent?: string | null }): Promise<{ email: string }> {
  if (ctx.ip) await enforceRateLimits(db, [{ key: `reset-use:ip:${ctx.ip}`, limit: 20, windowSeconds: 900 }]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [token] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.tokenHash, hashToken(input.token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
      .returning({ userId: passwordResetTokens.userId });
    if (!token) throw new AppError("INVALID_INPUT", INVALID, { fieldErrors: { token: [INVALID] } });
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(and(eq(users.id, token.userId), eq(users.active, true)))
      .returning({ id: users.id, email: users.email, tenantId: users.tenantId });
    if (!user) throw new AppError("INVALID_INPUT", INVALID, { fieldErrors: { token: [INVALID] } });
    const ended = await revokeUserSessions(tx, { userId: user.id });
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actor: { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent },
      action: "auth.password_reset",
      targetType: "user",
      targetId: user.id,
      after: { sessionsEnded: ended },
    });
    return { email: user.email };
  });
}
