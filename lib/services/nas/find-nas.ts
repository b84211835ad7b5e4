// The tenant's routers for the list page and GET /api/nas: search, status filter, open-session counts.
import { and, asc, count, desc, eq, gt, ilike, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { nas, sessions } from "@/lib/db/schema";
import { pageOf, paginationSchema, type Page } from "@/lib/services/zod-helpers";
import { NAS_ONLINE_WINDOW_MS, toNasView, type NasView } from "./nas-fields";
import { containsPattern } from "@/lib/db/like";
import { NAS_STATUSES } from "@/lib/db/enums";

export const NAS_SORTS = ["name", "ipAddress", "sessions", "lastSeenAt", "createdAt"] as const;

export const findNasSchema = paginationSchema.extend({
  sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(NAS_SORTS).default("name")),
  dir: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["asc", "desc"]).default("asc")),
  search: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(100).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(NAS_STATUSES).optional()),
});
export type FindNasInput = z.input<typeof findNasSchema>;

export type NasListRow = NasView & { sessionCount: number };

export async function findNas(db: Database, input: FindNasInput & { tenantId: string }): Promise<Page<NasListRow>> {
  const q = findNasSchema.parse(input);
  const onlineSince = new Date(Date.now() - NAS_ONLINE_WINDOW_MS);
  const filters: SQL[] = [eq(nas.tenantId, input.tenantId)];
  if (q.search) {
    const like = containsPattern(q.search);
    filters.push(or(ilike(nas.name, like), ilike(nas.ipAddress, like), ilike(nas.location, like))!);
  }
  if (q.status === "ONLINE") filters.push(gt(nas.lastSeenAt, onlineSince));
  if (q.status === "OFFLINE") filters.push(or(lte(nas.lastSeenAt, onlineSince), and(isNull(nas.lastSeenAt), eq(nas.status, "OFFLINE")))!);
  if (q.status === "UNKNOWN") filters.push(and(isNull(nas.lastSeenAt), eq(nas.status, "UNKNOWN"))!);
  const where = and(...filters);

  const sessionCounts = db
    .select({ nasId: sessions.nasId, n: count().as("n") })
    .from(sessions)
    .where(eq(sessions.tenantId, input.tenantId))
    .groupBy(sessions.nasId)
    .as("sc");
  const order = q.dir === "desc" ? (c: SQL | typeof nas.name) => sql`${desc(c)} nulls last` : (c: SQL | typeof nas.name) => sql`${asc(c)} nulls last`;
  const orderColumn =
    q.sort === "ipAddress" ? sql`${nas.ipAddress}::inet` : q.sort === "sessions" ? sql`coalesce(${sessionCounts.n}, 0)` : q.sort === "lastSeenAt" ? sql`${nas.lastSeenAt}` : q.sort === "createdAt" ? sql`${nas.createdAt}` : nas.name;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ nas, sessionCount: sql<number>`coalesce(${sessionCounts.n}, 0)::int` })
      .from(nas)
      .leftJoin(sessionCounts, eq(sessionCounts.nasId, nas.id))
      .where(where)
      .orderBy(order(orderColumn), asc(nas.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(nas).where(where),
  ]);
  return pageOf(
    rows.map((r) => ({ ...toNasView(r.nas), sessionCount: Number(r.sessionCount) })),
    total,
    q.page,
    q.pageSize,
  );
}
