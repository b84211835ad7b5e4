// Second step of turning on two-factor sign-in: a correct code proves the device works; the
// recovery codes are returned once and stored only as hashes.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { openSecret } from "@/lib/crypto";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { hashRecoveryCode, newRecoveryCodes, totpStep } from "./totp";

export const confirmTotpEnrolmentSchema = z.object({
  code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app"),
});
export type ConfirmTotpEnrolmentInput = z.output<typeof confirmTotpEnrolmentSchema>;

export async function confirmTotpEnrolment(db: Database, input: ConfirmTotpEnrolmentInput & { tenantId: string | null; userId: string }, actor: Actor): Promise<{ recoveryCodes: string[] }> {
  const scope = and(eq(users.id, input.userId), input.tenantId ? eq(users.tenantId, input.tenantId) : isNull(users.tenantId));
  const [user] = await db.select().from(users).where(scope);
  if (!user) throw notFound("User");
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on");
  if (!user.totpSecretSealed) throw new AppError("INVALID_INPUT", "Start the set-up again: no pending authenticator", { fieldErrors: { code: ["Start the set-up again"] } });
  const step = totpStep(input.code, openSecret("totp", user.totpSecretSealed));
  if (step === null) {
    throw new AppError("INVALID_INPUT", "That code is not right", { fieldErrors: { code: ["That code is not right. Check the time on your phone and try the next code."] } });
  }
  const recoveryCodes = newRecoveryCodes();
  await db
    .update(users)
    .set({ totpEnabledAt: new Date(), totpLastStep: step, recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) })
    .where(and(scope, isNull(users.totpEnabledAt)));
  await recordAudit(db, { tenantId: user.tenantId, actor, action: "user.totp_enable", targetType: "user", targetId: user.id, after: { totp: true } });
  return { recoveryCodes };
}
