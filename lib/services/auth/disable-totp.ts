// Turns two-factor sign-in off for oneself; the password is asked again (under the same per-user limit
// as a password change) so a borrowed unlocked browser cannot remove the second factor.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import type { Database, Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { passwordCheckLimit } from "./change-password";

export const disableTotpSchema = z.object({
  password: z.string().min(1, "Enter your password").max(200),
});
export type DisableTotpInput = z.output<typeof disableTotpSchema>;

export async function disableTotp(db: Database, input: DisableTotpInput & { tenantId: string | null; userId: string }, actor: Actor, ctx: { limits: Db }): Promise<void> {
  await enforceRateLimits(ctx.limits, [passwordCheckLimit(input.userId)]);
  const scope = and(eq(users.id, input.userId), input.tenantId ? eq(users.tenantId, input.tenantId) : isNull(users.tenantId));
  const [user] = await db.select().from(users).where(scope);
  if (!user) throw notFound("User");
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    throw new AppError("INVALID_INPUT", "Wrong password", { fieldErrors: { password: ["Wrong password"] } });
  }
  await db.update(users).set({ totpEnabledAt: null, totpSecretSealed: null, totpLastStep: null, recoveryCodeHashes: null }).where(scope);
  await recordAudit(db, { tenantId: user.tenantId, actor, action: "user.totp_disable", targetType: "user", targetId: user.id, before: { totp: !!user.totpEnabledAt }, after: { totp: false } });
}
