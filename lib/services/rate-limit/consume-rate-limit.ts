// Fixed-window rate limits in PostgreSQL, shared by every web process. One round trip per check.
// Counting happens on the pool, never inside the caller's transaction: a failed attempt throws, the
// caller's transaction rolls back, and a count written there would vanish with it.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
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

/** The pool handle counters are written with. A transaction has no `$client`: it is refused at run time too. */
function ownConnection(db: Db): Db {
  if (!(db as Partial<Db>).$client) throw new Error("rate limits count on their own connection: pass the pool (getDb()), not a transaction");
  return db;
}

export async function consumeRateLimit(pool: Db, rule: RateLimitRule): Promise<RateLimitResult> {
  const db = ownConnection(pool);
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
export async function enforceRateLimits(pool: Db, rules: RateLimitRule[]): Promise<void> {
  ownConnection(pool);
  let worst = 0;
  for (const rule of rules) {
    const r = await consumeRateLimit(pool, rule);
    if (!r.allowed) worst = Math.max(worst, r.retryAfterSeconds);
  }
  if (worst > 0) {
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${worst} s.`, { retryAfterSeconds: worst });
  }
}

/** Clears counters (e.g. the per-account login counter after a successful sign-in). */
export async function resetRateLimit(pool: Db, key: string) {
  await ownConnection(pool).execute(sql`delete from rate_limits where key = ${key}`);
}

/** Housekeeping for the worker: expired windows are just rows to drop. */
export async function purgeExpiredRateLimits(db: Db): Promise<number> {
  const rows = await db.execute(sql`delete from rate_limits where reset_at < now() - interval '1 hour' returning 1`);
  return rows.length;
}
