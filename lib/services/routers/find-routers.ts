// The tenant's routers for the list page and GET /api/nas: search, status filter, open-session counts.
import { and, asc, count, desc, eq, gt, ilike, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { routers, sessions } from "@/lib/db/schema";
import { pageOf, paginationSchema, type Page } from "@/lib/services/zod-helpers";
import { ROUTER_ONLINE_WINDOW_MS, toRouterView, type RouterView } from "./router-fields";
import { containsPattern } from "@/lib/db/like";
import { ROUTER_STATUSES } from "@/lib/db/enums";

export const ROUTER_SORTS = ["name", "ipAddress", "sessions", "lastSeenAt", "createdAt"] as const;

export const findRoutersSchema = paginationSchema.extend({
  sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ROUTER_SORTS).default("name")),
  dir: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["asc", "desc"]).default("asc")),
  search: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(100).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ROUTER_STATUSES).optional()),
});
export type FindRoutersInput = z.output<typeof findRoutersSchema>;

/** What a caller leaves out: the schema's own defaults (page 1, 25 a page, by name ascending). */
const FIND_DEFAULTS: FindRoutersInput = findRoutersSchema.parse({});

export type RouterListRow = RouterView & { sessionCount: number };

/** Parsed input (the REST query through findRoutersSchema, pages pass typed list parameters); what is left out takes the defaults. */
export async function findRouters(db: Database, input: Partial<FindRoutersInput> & { tenantId: string }): Promise<Page<RouterListRow>> {
  const q = { ...FIND_DEFAULTS, ...stripUndefined(input) };
  const onlineSince = new Date(Date.now() - ROUTER_ONLINE_WINDOW_MS);
  const filters: SQL[] = [eq(routers.tenantId, input.tenantId)];
  if (q.search) {
    const like = containsPattern(q.search);
    filters.push(or(ilike(routers.name, like), ilike(routers.ipAddress, like), ilike(routers.location, like))!);
  }
  if (q.status === "ONLINE") filters.push(gt(routers.lastSeenAt, onlineSince));
  if (q.status === "OFFLINE") filters.push(or(lte(routers.lastSeenAt, onlineSince), and(isNull(routers.lastSeenAt), eq(routers.status, "OFFLINE")))!);
  if (q.status === "UNKNOWN") filters.push(and(isNull(routers.lastSeenAt), eq(routers.status, "UNKNOWN"))!);
  const where = and(...filters);

  const sessionCounts = db
    .select({ routerId: sessions.routerId, n: count().as("n") })
    .from(sessions)
    .where(eq(sessions.tenantId, input.tenantId))
    .groupBy(sessions.routerId)
    .as("sc");
  const order = q.dir === "desc" ? (c: SQL | typeof routers.name) => sql`${desc(c)} nulls last` : (c: SQL | typeof routers.name) => sql`${asc(c)} nulls last`;
  const orderColumn =
    q.sort === "ipAddress" ? sql`${routers.ipAddress}::inet` : q.sort === "sessions" ? sql`coalesce(${sessionCounts.n}, 0)` : q.sort === "lastSeenAt" ? sql`${routers.lastSeenAt}` : q.sort === "createdAt" ? sql`${routers.createdAt}` : routers.name;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ router: routers, sessionCount: sql<number>`coalesce(${sessionCounts.n}, 0)::int` })
      .from(routers)
      .leftJoin(sessionCounts, eq(sessionCounts.routerId, routers.id))
      .where(where)
      .orderBy(order(orderColumn), asc(routers.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(routers).where(where),
  ]);
  return pageOf(
    rows.map((r) => ({ ...toRouterView(r.router), sessionCount: Number(r.sessionCount) })),
    total,
    q.page,
    q.pageSize,
  );
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
