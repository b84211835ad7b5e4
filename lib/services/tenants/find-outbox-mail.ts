// The tenant's mail outbox: every message the platform sent or kept for it, newest first.
import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { mailOutbox } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { pageOf, paginationSchema, type Page } from "@/lib/services/zod-helpers";
import { uuidField } from "@/lib/ids";

export const findOutboxMailSchema = paginationSchema.extend({ tenantId: uuidField() });

export type OutboxMail = typeof mailOutbox.$inferSelect;

export async function findOutboxMail(db: Database, input: z.input<typeof findOutboxMailSchema>): Promise<Page<OutboxMail>> {
  const data = findOutboxMailSchema.parse(input);
  const where = eq(mailOutbox.tenantId, data.tenantId);
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(mailOutbox).where(where).orderBy(desc(mailOutbox.createdAt)).limit(data.pageSize).offset((data.page - 1) * data.pageSize),
    db.select({ n: count() }).from(mailOutbox).where(where),
  ]);
  return pageOf(rows, n, data.page, data.pageSize);
}
