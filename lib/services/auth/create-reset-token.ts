// Issues a password-reset link: a random token returned once, stored only as its hash, valid for an
// hour and for one use. Earlier unused tokens of the user stop working, so only the newest link counts.
import { and, eq, isNull } from "drizzle-orm";
import { passwordResetTokens } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { hashToken, randomToken } from "@/lib/crypto";

export const RESET_TOKEN_SECONDS = 3600;

export async function createResetToken(db: Database, input: { userId: string; tenantId: string | null; appUrl: string }) {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResetTokens.userId, input.userId), isNull(passwordResetTokens.usedAt)));
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_TOKEN_SECONDS * 1000);
  await db.insert(passwordResetTokens).values({ userId: input.userId, tenantId: input.tenantId, tokenHash: hashToken(token), expiresAt });
  const url = `${input.appUrl.replace(/\/$/, "")}/reset-password?token=${encodeURIComponent(token)}`;
  return { token, url, expiresAt };
}

export function resetMailBody(name: string, url: string, issuedBy?: string) {
  return [
    `Hello ${name},`,
    "",
    issuedBy ? `${issuedBy} asked for a password reset link for your account.` : "Someone (hopefully you) asked to reset the password of your ISP Console account.",
    "Open this link within one hour to choose a new password. It works once.",
    "",
    url,
    "",
    "If you did not ask for this, you can ignore this message: your password stays as it is.",
  ].join("\n");
}
