// The live (active) sessions of a tenant for the sessions page and GET /api/sessions: filters by router,
// connection type and customer, search by username, IP or MAC, sorted by start, uptime or traffic.
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, routers, sessions, vouchers } from "@/lib/db/schema";
import { blank, pageOf, paginationSchema, zUuid, type Page } from "@/lib/services/zod-helpers";
import { macSearchDigits } from "@/lib/net/mac";
import { containsPattern } from "@/lib/db/like";
import { SESSION_CONNECTION_TYPES, type SessionConnectionType } from "@/lib/db/enums";


export const SESSION_SORTS = ["startedAt", "uptime", "bytes", "download", "upload", "username"] as const;
export type SessionSort = (typeof SESSION_SORTS)[number];

export const findSessionsSchema = paginationSchema.extend({
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  nasId: z.preprocess(blank, zUuid("router").optional()),
  customerId: z.preprocess(blank, zUuid("customer").optional()),
  type: z.preprocess(blank, z.enum(SESSION_CONNECTION_TYPES).optional()),
  sort: z.preprocess(blank, z.enum(SESSION_SORTS).default("startedAt")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default("desc")),
});
export type FindSessionsInput = z.output<typeof findSessionsSchema>;

export interface ActiveSessionRow {
  id: string;
  username: string;
  customerId: string | null;
  customerName: string | null;
  voucherId: string | null;
  voucherCode: string | null;
  type: SessionConnectionType;
  nasId: string;
  nasName: string;
  acctSessionId: string;
  framedIp: string | null;
  macAddress: string | null;
  startedAt: Date;
  updatedAt: Date;
  sessionTime: number;
  /** Subscriber upload (RADIUS input). */
  uploadBytes: bigint;
  /** Subscriber download (RADIUS output). */
  downloadBytes: bigint;
  rateLimit: string | null;
}

const typeExpr = sql<SessionConnectionType>`coalesce(${customers.type}::text, case when ${sessions.voucherId} is not null then 'HOTSPOT' end, 'OTHER')`;

export async function findSessions(db: Database, q: FindSessionsInput & { tenantId: string }): Promise<Page<ActiveSessionRow>> {
  const filters: SQL[] = [eq(sessions.tenantId, q.tenantId)];
  if (q.nasId) filters.push(eq(sessions.routerId, q.nasId));
  if (q.customerId) filters.push(eq(sessions.customerId, q.customerId));
  if (q.type) filters.push(sql`${typeExpr} = ${q.type}`);
  if (q.q) {
    const like = containsPattern(q.q);
    const alts: SQL[] = [ilike(sessions.username, like), ilike(sessions.framedIp, like), ilike(customers.name, like)];
    // Routers send Calling-Station-Id in their own spelling: compare on the bare hex digits.
    const hex = macSearchDigits(q.q);
    // Only a query that looks like part of a MAC (4+ hex digits) searches MACs, so "ann" does not match them all.
    if (hex.length >= 4 && /^[0-9a-f:.\-\s]+$/i.test(q.q)) {
      alts.push(sql`upper(regexp_replace(coalesce(${sessions.callingStationId}, ''), '[^0-9A-Fa-f]', '', 'g')) like ${`%${hex}%`}`);
    }
    filters.push(or(...alts)!);
  }
  const where = and(...filters);

  const by: Record<SessionSort, SQL> = {
    startedAt: sql`${sessions.startedAt}`,
    // Longest uptime = earliest start; sorting by start keeps it on the (tenant_id, started_at) index.
    uptime: sql`${sessions.startedAt}`,
    bytes: sql`(${sessions.inputOctets} + ${sessions.outputOctets})`,
    download: sql`${sessions.outputOctets}`,
    upload: sql`${sessions.inputOctets}`,
    username: sql`${sessions.username}`,
  };
  const ascending = q.sort === "uptime" ? q.dir === "desc" : q.dir === "asc";
  const order = ascending ? asc(by[q.sort]) : desc(by[q.sort]);

  const base = () =>
    db
      .select({
        id: sessions.id,
        username: sessions.username,
        customerId: sessions.customerId,
        customerName: customers.name,
        voucherId: sessions.voucherId,
        voucherCode: vouchers.code,
        type: typeExpr,
        nasId: sessions.routerId,
        nasName: routers.name,
        acctSessionId: sessions.acctSessionId,
        framedIp: sessions.framedIp,
        macAddress: sessions.callingStationId,
        startedAt: sessions.startedAt,
        updatedAt: sessions.updatedAt,
        sessionTime: sessions.sessionTime,
        uploadBytes: sessions.inputOctets,
        downloadBytes: sessions.outputOctets,
        rateLimit: sessions.rateLimit,
      })
      .from(sessions)
      .innerJoin(routers, and(eq(routers.id, sessions.routerId), eq(routers.tenantId, q.tenantId)))
      .leftJoin(customers, and(eq(customers.id, sessions.customerId), eq(customers.tenantId, q.tenantId)))
      .leftJoin(vouchers, and(eq(vouchers.id, sessions.voucherId), eq(vouchers.tenantId, q.tenantId)));

  const [rows, [{ total }]] = await Promise.all([
    base()
      .where(where)
      .orderBy(order, asc(sessions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: count() })
      .from(sessions)
      .leftJoin(customers, and(eq(customers.id, sessions.customerId), eq(customers.tenantId, q.tenantId)))
      .where(where),
  ]);
  return pageOf(rows, Number(total), q.page, q.pageSize);
}
