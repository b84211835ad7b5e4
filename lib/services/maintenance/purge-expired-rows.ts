// Retention of the short-lived rows that nothing else removes: rate-limit windows, staff sessions long
// expired or revoked, password-reset tokens once expired or used, and the mail outbox (sent mail after a
// retention period; undelivered mail after a longer one). Run by the worker every few minutes.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { purgeExpiredRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";

export const RETENTION = {
  /** A staff session is kept this long after it expired or was revoked (sign-in history, reuse checks). */
  staffSessionDays: 30,
  /** A reset token is useless once expired or used; kept a day for support questions. */
  resetTokenHours: 24,
  sentMailDays: 7,
  unsentMailDays: 30,
} as const;

export interface PurgeExpiredRowsResult {
  rateLimits: number;
  staffSessions: number;
  resetTokens: number;
  mail: number;
}

export async function purgeExpiredRows(db: Db): Promise<PurgeExpiredRowsResult> {
  const count = async (q: ReturnType<typeof sql>) => (await db.execute(q)).length;
  const sessionsCut = sql`now() - make_interval(days => ${RETENTION.staffSessionDays})`;
  const tokensCut = sql`now() - make_interval(hours => ${RETENTION.resetTokenHours})`;
  return {
    rateLimits: await purgeExpiredRateLimits(db),
    staffSessions: await count(sql`delete from auth_sessions where expires_at < ${sessionsCut} or revoked_at < ${sessionsCut} returning 1`),
    resetTokens: await count(sql`delete from password_reset_tokens where expires_at < ${tokensCut} or used_at < ${tokensCut} returning 1`),
    mail: await count(sql`
      delete from mail_outbox
       where (sent_at is not null and sent_at < now() - make_interval(days => ${RETENTION.sentMailDays}))
          or (sent_at is null and created_at < now() - make_interval(days => ${RETENTION.unsentMailDays}))
      returning 1`),
  };
}
