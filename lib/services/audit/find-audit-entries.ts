// Browsing the audit log of one tenant: filter by action, actor, target and date range; paged.
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog, tenants, users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { pageOf, paginationSchema, zOptionalText, type Page } from "@/lib/services/zod-helpers";
import { containsPattern, prefixPattern } from "@/lib/db/like";

// A day of the tenant's calendar (the filter's date fields), counted in the tenant's zone, not UTC.
const optionalDay = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31").optional());

export const findAuditEntriesSchema = paginationSchema.extend({
  action: zOptionalText(100),
  actor: zOptionalText(200),
  targetType: zOptionalText(60),
  targetId: zOptionalText(100),
  from: optionalDay,
  to: optionalDay,
});
export type FindAuditEntriesInput = z.output<typeof findAuditEntriesSchema>;

export interface AuditEntryRow {
  id: string;
  action: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorLabel: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
}

export async function findAuditEntries(db: Database, input: FindAuditEntriesInput & { tenantId: string }): Promise<Page<AuditEntryRow>> {
  const where: (SQL | undefined)[] = [eq(auditLog.tenantId, input.tenantId)];
  if (input.action) where.push(ilike(auditLog.action, prefixPattern(input.action)));
  if (input.actor) {
    const like = containsPattern(input.actor);
    where.push(or(ilike(auditLog.actorLabel, like), ilike(users.name, like), ilike(users.email, like), sql`${auditLog.actorUserId}::text = ${input.actor}`));
  }
  if (input.targetType) where.push(eq(auditLog.targetType, input.targetType));
  if (input.targetId) where.push(eq(auditLog.targetId, input.targetId));
  const zone = sql`(select ${tenants.timezone} from ${tenants} where ${tenants.id} = ${input.tenantId})`;
  if (input.from) where.push(gte(auditLog.createdAt, sql`(${input.from}::date)::timestamp at time zone ${zone}`));
  // "to" is a day: include all of it.
  if (input.to) where.push(lt(auditLog.createdAt, sql`(${input.to}::date + 1)::timestamp at time zone ${zone}`));
  const cond = and(...where);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        actorUserId: auditLog.actorUserId,
        actorApiKeyId: auditLog.actorApiKeyId,
        actorLabel: auditLog.actorLabel,
        actorName: users.name,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        before: auditLog.before,
        after: auditLog.after,
        ip: auditLog.ip,
        userAgent: auditLog.userAgent,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .leftJoin(users, and(eq(users.id, auditLog.actorUserId), eq(users.tenantId, input.tenantId)))
      .where(cond)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(auditLog).leftJoin(users, and(eq(users.id, auditLog.actorUserId), eq(users.tenantId, input.tenantId))).where(cond),
  ]);
  return pageOf(rows, n, input.page, input.pageSize);
}

/** Distinct action names of a tenant, for the filter's suggestions. */
export async function auditActionNames(db: Database, input: { tenantId: string }): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).where(eq(auditLog.tenantId, input.tenantId)).orderBy(auditLog.action).limit(200);
  return rows.map((r) => r.action);
}
