// Closed sessions of a tenant (session_history, partitioned by month on stopped_at) for the history page.
// The date range is always bounded (default: the last 7 days), so PostgreSQL prunes to a few partitions.
import { and, asc, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, routers, sessionHistory } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { blank, pageOf, paginationSchema, zUuid, type Page } from "@/lib/services/zod-helpers";
import { containsPattern } from "@/lib/db/like";

const DAY = 86_400_000;
export const HISTORY_DEFAULT_DAYS = 7;
export const HISTORY_MAX_DAYS = 366;

/** RFC 2866 Acct-Terminate-Cause values a MikroTik sends, plus the ones our worker writes. */
export const TERMINATE_CAUSES = [
  "User-Request",
  "Lost-Carrier",
  "Lost-Service",
  "Idle-Timeout",
  "Session-Timeout",
  "Admin-Reset",
  "Admin-Reboot",
  "Port-Error",
  "NAS-Error",
  "NAS-Request",
  "NAS-Reboot",
  "Port-Unneeded",
  "Port-Preempted",
  "Port-Suspended",
  "Service-Unavailable",
  "Callback",
  "User-Error",
  "Host-Request",
] as const;

export const HISTORY_SORTS = ["stoppedAt", "startedAt", "duration", "bytes"] as const;
export type HistorySort = (typeof HISTORY_SORTS)[number];

const dateOrDay = z.preprocess(blank, z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.coerce.date()]).optional());

export const findSessionHistorySchema = paginationSchema.extend({
  /** A day (YYYY-MM-DD, in `timezone`, inclusive) or an instant. */
  from: dateOrDay,
  /** A day (YYYY-MM-DD, in `timezone`, inclusive: up to the end of that day) or an instant (exclusive). */
  to: dateOrDay,
  timezone: z.preprocess(blank, z.string().max(64).default("UTC")),
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  customerId: z.preprocess(blank, zUuid("customer").optional()),
  nasId: z.preprocess(blank, zUuid("router").optional()),
  terminateCause: z.preprocess(blank, z.string().trim().max(60).optional()),
  sort: z.preprocess(blank, z.enum(HISTORY_SORTS).default("stoppedAt")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default("desc")),
  /** Only for tests: "now" for the default range. */
  now: z.coerce.date().optional(),
});
export type FindSessionHistoryInput = z.output<typeof findSessionHistorySchema>;

export interface SessionHistoryRow {
  id: string;
  username: string;
  customerId: string | null;
  customerName: string | null;
  nasId: string;
  nasName: string | null;
  framedIp: string | null;
  macAddress: string | null;
  startedAt: Date;
  stoppedAt: Date;
  sessionTime: number;
  uploadBytes: bigint;
  downloadBytes: bigint;
  terminateCause: string | null;
}

export type SessionHistoryPage = Page<SessionHistoryRow> & { from: Date; to: Date };

/** The UTC instant of 00:00 on `ymd` in `timeZone`. */
export function zonedDayStart(ymd: string, timeZone: string): Date {
  const [y, m, d] = ymd.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d);
  let t = guess - offsetMs(new Date(guess), timeZone);
  t = guess - offsetMs(new Date(t), timeZone); // second pass settles a DST change near midnight
  return new Date(t);
}

function offsetMs(at: Date, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(at);
  } catch {
    throw new AppError("INVALID_INPUT", `Unknown time zone ${timeZone}`);
  }
  const get = (k: string) => Number(parts.find((p) => p.type === k)!.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

export function resolveHistoryRange(q: { from?: string | Date; to?: string | Date; timezone: string; now?: Date }): { from: Date; to: Date } {
  const now = q.now ?? new Date();
  const to = q.to === undefined ? now : typeof q.to === "string" ? new Date(zonedDayStart(q.to, q.timezone).getTime() + DAY) : q.to;
  const from =
    q.from === undefined ? new Date(to.getTime() - HISTORY_DEFAULT_DAYS * DAY) : typeof q.from === "string" ? zonedDayStart(q.from, q.timezone) : q.from;
  if (from >= to) throw new AppError("INVALID_INPUT", "The start of the range must be before its end", { fieldErrors: { from: ["Must be before the end date"] } });
  if (to.getTime() - from.getTime() > HISTORY_MAX_DAYS * DAY + 2 * 3_600_000) {
    throw new AppError("INVALID_INPUT", `Choose a range of at most ${HISTORY_MAX_DAYS} days`, { fieldErrors: { from: [`At most ${HISTORY_MAX_DAYS} days`] } });
  }
  return { from, to };
}

export async function findSessionHistory(db: Database, q: FindSessionHistoryInput & { tenantId: string }): Promise<SessionHistoryPage> {
  const { from, to } = resolveHistoryRange(q);
  const h = sessionHistory;
  const filters: SQL[] = [eq(h.tenantId, q.tenantId), gte(h.stoppedAt, from), lt(h.stoppedAt, to)];
  if (q.customerId) filters.push(eq(h.customerId, q.customerId));
  if (q.nasId) filters.push(eq(h.routerId, q.nasId));
  if (q.terminateCause) filters.push(eq(h.terminateCause, q.terminateCause));
  if (q.q) {
    const like = containsPattern(q.q);
    filters.push(or(ilike(h.username, like), ilike(h.framedIp, like), ilike(h.callingStationId, like))!);
  }
  const where = and(...filters);

  const by: Record<HistorySort, SQL> = {
    stoppedAt: sql`${h.stoppedAt}`,
    startedAt: sql`${h.startedAt}`,
    duration: sql`${h.sessionTime}`,
    bytes: sql`(${h.inputOctets} + ${h.outputOctets})`,
  };
  const offset = (q.page - 1) * q.pageSize;

  const select = (reverse: boolean, limit: number, skip: number) => {
    // Reversed, the same rows come out in the opposite order: a page near the end is read from the end.
    const ascending = (q.dir === "asc") !== reverse;
    return db
      .select({
        id: h.id,
        username: h.username,
        customerId: h.customerId,
        customerName: customers.name,
        nasId: h.routerId,
        nasName: routers.name,
        framedIp: h.framedIp,
        macAddress: h.callingStationId,
        startedAt: h.startedAt,
        stoppedAt: h.stoppedAt,
        sessionTime: h.sessionTime,
        uploadBytes: h.inputOctets,
        downloadBytes: h.outputOctets,
        terminateCause: h.terminateCause,
      })
      .from(h)
      .leftJoin(routers, and(eq(routers.id, h.routerId), eq(routers.tenantId, q.tenantId)))
      .leftJoin(customers, and(eq(customers.id, h.customerId), eq(customers.tenantId, q.tenantId)))
      .where(where)
      .orderBy(ascending ? asc(by[q.sort]) : desc(by[q.sort]), reverse ? asc(h.id) : desc(h.id))
      .limit(limit)
      .offset(skip);
  };
  const countTotal = () => db.select({ total: count() }).from(h).where(where).then(([r]) => Number(r.total));

  let rows: SessionHistoryRow[];
  let total: number;
  if (q.page === 1) {
    [rows, total] = await Promise.all([select(false, q.pageSize, 0), countTotal()]);
  } else {
    // OFFSET walks every skipped row; past the middle, walking from the other end is shorter.
    total = await countTotal();
    const end = Math.min(total, offset + q.pageSize);
    if (offset >= total) rows = [];
    else if (offset > total / 2) rows = (await select(true, end - offset, total - end)).reverse();
    else rows = await select(false, q.pageSize, offset);
  }
  return { ...pageOf(rows, total, q.page, q.pageSize), from, to };
}
