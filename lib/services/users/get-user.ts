// One team member of a tenant; another tenant's id is NOT_FOUND.
import { and, eq } from "drizzle-orm";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { publicUserColumns, type TeamMember } from "./find-users";

export async function getUser(db: Database, input: { tenantId: string; id: string }): Promise<TeamMember> {
  if (!isUuid(input.id)) throw notFound("User");
  const [row] = await db
    .select(publicUserColumns)
    .from(users)
    .where(and(eq(users.tenantId, input.tenantId), eq(users.id, input.id)));
  if (!row) throw notFound("User");
  return row;
}
