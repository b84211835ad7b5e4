// Ends sessions on the server, so a copied cookie or token stops working at once.
import { and, eq, isNull, ne } from "drizzle-orm";
import { authSessions } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";

export async function revokeSession(db: Database, input: { sessionId: string; tenantId: string | null; actor: Actor }) {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.id, input.sessionId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id, userId: authSessions.userId, tenantId: authSessions.tenantId });
  if (rows.length) {
    // The browser sign-out event knows no tenant: the session row does.
    await recordAudit(db, { tenantId: input.tenantId ?? rows[0].tenantId, actor: input.actor, action: "auth.sign_out", targetType: "session", targetId: input.sessionId });
  }
  return rows.length > 0;
}

/** Ends every session of a user, except optionally the one making the change. */
export async function revokeUserSessions(db: Database, input: { userId: string; exceptSessionId?: string }) {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(authSessions.userId, input.userId),
        isNull(authSessions.revokedAt),
        input.exceptSessionId ? ne(authSessions.id, input.exceptSessionId) : undefined,
      ),
    )
    .returning({ id: authSessions.id });
  return rows.length;
}
