// The team of one tenant, for the settings page and GET /api/users.
import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { users, userRole } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { zOptionalText } from "@/lib/services/zod-helpers";
import { containsPattern } from "@/lib/db/like";

export const findUsersSchema = z.object({
  q: zOptionalText(120),
  role: z.enum(userRole.enumValues).optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
});
export type FindUsersInput = z.output<typeof findUsersSchema>;

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

export async function findUsers(db: Database, input: FindUsersInput & { tenantId: string }): Promise<TeamMember[]> {
  const where: (SQL | undefined)[] = [eq(users.tenantId, input.tenantId)];
  if (input.q) where.push(or(ilike(users.name, containsPattern(input.q)), ilike(users.email, containsPattern(input.q))));
  if (input.role) where.push(eq(users.role, input.role));
  if (input.status) where.push(eq(users.active, input.status === "active"));
  return db.select(publicUserColumns).from(users).where(and(...where)).orderBy(asc(users.name)).limit(500);
}
