// The second sign-in factor: a TOTP code or a single-use recovery code, when the user has TOTP on.
import { and, eq, sql } from "drizzle-orm";
import { users, type User } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { openSecret } from "@/lib/crypto";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { hashRecoveryCode, looksLikeRecoveryCode, totpStep } from "./totp";

export async function verifySecondFactor(db: Database, user: User, code: string | undefined, ctx: { ip?: string | null; userAgent?: string | null } = {}): Promise<void> {
  if (!user.totpEnabledAt || !user.totpSecretSealed) return;
  if (!code?.trim()) throw new AppError("UNAUTHORIZED", "Enter the code from your authenticator app", { reason: "TOTP_REQUIRED" });
  const given = code.trim();

  const step = totpStep(given, openSecret("totp", user.totpSecretSealed));
  if (step !== null) {
    // Claiming the step in the same statement that checks it makes each code good once, even under races:
    // a code seen on a shoulder or in a phishing relay cannot be replayed within its window.
    const claimed = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
      .returning({ id: users.id });
    if (claimed.length) return;
    throw new AppError("UNAUTHORIZED", "That code was already used. Wait for the next code in your app.", { reason: "TOTP_REUSED" });
  }

  if (looksLikeRecoveryCode(given)) {
    // Removing the hash in the same statement that matches it makes each code single-use, even under races.
    const hash = hashRecoveryCode(given);
    const used = await db
      .update(users)
      .set({ recoveryCodeHashes: sql`array_remove(${users.recoveryCodeHashes}, ${hash})` })
      .where(and(eq(users.id, user.id), sql`${hash} = any(${users.recoveryCodeHashes})`))
      .returning({ left: sql<number>`coalesce(array_length(${users.recoveryCodeHashes}, 1), 0)` });
    if (used.length) {
      await recordAudit(db, {
        tenantId: user.tenantId,
        actor: { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent },
        action: "auth.recovery_code_used",
        targetType: "user",
        targetId: user.id,
        after: { remaining: used[0].left },
      });
      return;
    }
  }
  throw new AppError("UNAUTHORIZED", "That code is not right. Check the time on your phone, or use a recovery code.", { reason: "TOTP_INVALID" });
}
