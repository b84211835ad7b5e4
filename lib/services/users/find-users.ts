// The team of one tenant, for the settings page and GET /api/users.
import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { users, userRole } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { zOptionalText } from "@/lib/services/zod-helpers";
import { uuidField } from "@/lib/ids";
import { containsPattern } from "@/lib/db/like";

export const findUsersSchema = z.object({
  tenantId: uuidField(),
  q: zOptionalText(120),
  role: z.enum(userRole.enumValues).optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
});
export type FindUsersInput = z.input<typeof findUsersSchema>;

export const publicUserColumns = {
  id: users.id,
  tenantId: users.tenantId,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  totpEnabled: sql<boolean>`${users.totpEnabledAt} is not null`,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export type TeamMember = {
  id: string;
  tenantId: string | null;
  email: string;
  name: string;
  role: (typeof userRole.enumValues)[number];
  active: boolean;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

export async function findUsers(db: Database, input: FindUsersInput): Promise<TeamMember[]> {
  const data = findUsersSchema.parse(input);
  const where: (SQL | undefined)[] = [eq(users.tenantId, data.tenantId)];
  if (data.q) where.push(or(ilike(users.name, containsPattern(data.q)), ilike(users.email, containsPattern(data.q))));
  if (data.role) where.push(eq(users.role, data.role));
  if (data.status) where.push(eq(users.active, data.status === "active"));
  return db.select(publicUserColumns).from(users).where(and(...where)).orderBy(asc(users.name)).limit(500);
}
