// REST token refresh with rotation: the presented refresh token is swapped for a new one in a single
// statement, so each refresh token works exactly once. A rotated token presented again means two
// parties hold the session (one of them a thief): the whole session ends, every token of it with it.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { authSessions } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/crypto";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { childLogger } from "@/lib/logger";
import { issueRefreshToken, refreshTokenSession } from "./refresh-token";
import { getSessionContext, type StaffContext } from "./get-session-context";

export const refreshSessionSchema = z.object({
  refreshToken: z.string().trim().min(20, "refreshToken is required").max(200),
});
export type RefreshSessionInput = z.output<typeof refreshSessionSchema>;

const log = childLogger("auth");

export async function refreshSession(
  db: Db,
  input: RefreshSessionInput,
  ctx: { ip: string | null },
): Promise<{ context: StaffContext; refreshToken: string; expiresAt: Date }> {
  if (ctx.ip) await enforceRateLimits(db, [{ key: `refresh:ip:${ctx.ip}`, limit: 60, windowSeconds: 300 }]);
  const presented = hashToken(input.refreshToken);
  const family = refreshTokenSession(input.refreshToken);
  // Tokens issued before they carried their session still rotate once, into the new form.
  const sessionId = family ?? (await db.select({ id: authSessions.id }).from(authSessions).where(eq(authSessions.refreshTokenHash, presented)).limit(1))[0]?.id;
  const next = sessionId ? issueRefreshToken(sessionId) : "";
  const [row] = sessionId
    ? await db
        .update(authSessions)
        .set({ refreshTokenHash: hashToken(next), lastSeenAt: sql`now()` })
        .where(
          and(
            eq(authSessions.id, sessionId),
            eq(authSessions.refreshTokenHash, presented),
            eq(authSessions.kind, "API"),
            isNull(authSessions.revokedAt),
            gt(authSessions.expiresAt, sql`now()`),
          ),
        )
        .returning({ id: authSessions.id, expiresAt: authSessions.expiresAt })
    : [];
  if (!row) {
    if (family) await revokeReplayedFamily(db, family, ctx.ip);
    throw new AppError("UNAUTHORIZED", "This refresh token is invalid, used or revoked. Sign in again.");
  }
  const context = await getSessionContext(db, row.id);
  if (!context) throw new AppError("UNAUTHORIZED", "This account can no longer sign in. Sign in again.");
  return { context, refreshToken: next, expiresAt: row.expiresAt };
}

async function revokeReplayedFamily(db: Db, sessionId: string, ip: string | null) {
  const [ended] = await db
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id, userId: authSessions.userId, tenantId: authSessions.tenantId });
  if (!ended) return;
  log.warn({ sessionId, ip }, "a rotated refresh token was used again: the session is ended");
  await recordAudit(db, {
    tenantId: ended.tenantId,
    actor: { userId: ended.userId, ip },
    action: "auth.refresh_token_reused",
    targetType: "session",
    targetId: ended.id,
  });
}
