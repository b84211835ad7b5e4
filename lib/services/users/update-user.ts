// An ADMIN edits a staff member: name, email, role. Demoting the last admin is refused; a role change
// ends the member's sessions so the new permissions apply everywhere at once.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { mapDbError } from "@/lib/services/db-errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { revokeUserSessions } from "@/lib/services/auth/sign-out";
import { zUuid } from "@/lib/services/zod-helpers";
import { tenantRoleSchema } from "./create-user";
import { assertAdminRemains } from "./assert-admin-remains";

export const updateUserSchema = z.object({
  id: zUuid("User id"),
  name: z.string().trim().min(2, "Name must be at least 2 characters").max(120).optional(),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").optional(),
  role: tenantRoleSchema.optional(),
});
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export async function updateUser(db: Database, input: UpdateUserInput & { tenantId: string }, actor: Actor) {
  if (!isUuid(input.id)) throw notFound("User");
  try {
    return await db.transaction(async (tx) => {
      const scope = and(eq(users.tenantId, input.tenantId), eq(users.id, input.id));
      const [before] = await tx.select().from(users).where(scope).for("update");
      if (!before) throw notFound("User");
      if (input.role && input.role !== "ADMIN" && before.role === "ADMIN" && before.active) {
        await assertAdminRemains(tx, { tenantId: input.tenantId, losingUserId: before.id, field: "role" });
      }
      const [after] = await tx
        .update(users)
        .set({ name: input.name ?? before.name, email: input.email ?? before.email, role: input.role ?? before.role })
        .where(scope)
        .returning({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active });
      if (after.role !== before.role) await revokeUserSessions(tx, { userId: before.id });
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor,
        action: after.role !== before.role ? "user.role_change" : "user.update",
        targetType: "user",
        targetId: before.id,
        before: { name: before.name, email: before.email, role: before.role },
        after: { name: after.name, email: after.email, role: after.role },
      });
      return after;
    });
  } catch (e) {
    mapDbError(e, { users_email_key: ["email", "An account with this email already exists"] });
  }
}
