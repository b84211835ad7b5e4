// Fixed-window rate limits in PostgreSQL, shared by every web process. One round trip per check.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

export interface RateLimitRule {
  /** e.g. "login:ip:1.2.3.4" */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/** Per-IP rules (keys with ":ip:") scale with RATE_LIMIT_IP_FACTOR; per-account rules never do. */
export function effectiveLimit(rule: RateLimitRule): number {
  return rule.key.includes(":ip:") ? rule.limit * env().RATE_LIMIT_IP_FACTOR : rule.limit;
}

export async function consumeRateLimit(db: Database, rule: RateLimitRule): Promise<RateLimitResult> {
  const [row] = await db.execute<{ count: number; retry: number }>(sql`
    insert into rate_limits as r (key, count, reset_at)
    values (${rule.key}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    on conflict (key) do update set
      count = case when r.reset_at <= now() then 1 else r.count + 1 end,
      reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
    returning count, greatest(1, ceil(extract(epoch from (reset_at - now()))))::int as retry`);
  return { allowed: row.count <= effectiveLimit(rule), count: row.count, retryAfterSeconds: row.retry };
}

/** Consumes every rule; throws RATE_LIMITED naming the wait if any is over its limit. */
export async function enforceRateLimits(db: Database, rules: RateLimitRule[]): Promise<void> {
  let worst = 0;
  for (const rule of rules) {
    const r = await consumeRateLimit(db, rule);
    if (!r.allowed) worst = Math.max(worst, r.retryAfterSeconds);
  }
  if (worst > 0) {
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${worst} s.`, { retryAfterSeconds: worst });
  }
}

/** Clears counters (e.g. the per-account login counter after a successful sign-in). */
export async function resetRateLimit(db: Database, key: string) {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Housekeeping for the worker: expired windows are just rows to drop. */
export async function purgeExpiredRateLimits(db: Database): Promise<number> {
  const rows = await db.execute(sql`delete from rate_limits where reset_at < now() - interval '1 hour' returning 1`);
  return rows.length;
}
