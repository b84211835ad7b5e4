// The tenant's mail outbox: every message the platform sent or kept for it, newest first.
import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { mailOutbox } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { pageOf, paginationSchema, type Page } from "@/lib/services/zod-helpers";

export const findOutboxMailSchema = paginationSchema;
export type FindOutboxMailInput = z.output<typeof findOutboxMailSchema>;

export type OutboxMail = typeof mailOutbox.$inferSelect;

export async function findOutboxMail(db: Database, input: FindOutboxMailInput & { tenantId: string }): Promise<Page<OutboxMail>> {
  const where = eq(mailOutbox.tenantId, input.tenantId);
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(mailOutbox).where(where).orderBy(desc(mailOutbox.createdAt)).limit(input.pageSize).offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(mailOutbox).where(where),
  ]);
  return pageOf(rows, n, input.page, input.pageSize);
}
