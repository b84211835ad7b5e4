// REST token refresh with rotation: the presented refresh token is swapped for a new one in a single
// statement, so each refresh token works exactly once and a copied one dies at the owner's next refresh.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { authSessions } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashToken, randomToken } from "@/lib/crypto";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { getSessionContext, type StaffContext } from "./get-session-context";

export const refreshSessionSchema = z.object({
  refreshToken: z.string().trim().min(20, "refreshToken is required").max(200),
});
export type RefreshSessionInput = z.input<typeof refreshSessionSchema>;

export async function refreshSession(
  db: Database,
  input: RefreshSessionInput,
  ctx: { ip: string | null },
): Promise<{ context: StaffContext; refreshToken: string; expiresAt: Date }> {
  const data = refreshSessionSchema.parse(input);
  if (ctx.ip) await enforceRateLimits(db, [{ key: `refresh:ip:${ctx.ip}`, limit: 60, windowSeconds: 300 }]);
  const next = randomToken();
  const [row] = await db
    .update(authSessions)
    .set({ refreshTokenHash: hashToken(next), lastSeenAt: sql`now()` })
    .where(
      and(
        eq(authSessions.refreshTokenHash, hashToken(data.refreshToken)),
        eq(authSessions.kind, "API"),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: authSessions.id, expiresAt: authSessions.expiresAt });
  if (!row) throw new AppError("UNAUTHORIZED", "This refresh token is invalid, used or revoked. Sign in again.");
  const context = await getSessionContext(db, row.id);
  if (!context) throw new AppError("UNAUTHORIZED", "This account can no longer sign in. Sign in again.");
  return { context, refreshToken: next, expiresAt: row.expiresAt };
}
