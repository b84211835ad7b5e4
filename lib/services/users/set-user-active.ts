// Deactivates or reactivates a staff member. Deactivation ends every session of theirs at once and
// cannot remove the tenant's last active admin.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { revokeUserSessions } from "@/lib/services/auth/sign-out";
import { zBool, zUuid } from "@/lib/services/zod-helpers";
import { assertAdminRemains } from "./assert-admin-remains";

export const setUserActiveSchema = z.object({ id: zUuid("User id"), active: zBool });
export type SetUserActiveInput = z.output<typeof setUserActiveSchema>;

export async function setUserActive(db: Database, input: SetUserActiveInput & { tenantId: string }, actor: Actor) {
  // The id may come from a URL (REST): a malformed one is a miss, like another tenant's.
  if (!isUuid(input.id)) throw notFound("User");
  return db.transaction(async (tx) => {
    const scope = and(eq(users.tenantId, input.tenantId), eq(users.id, input.id));
    const [before] = await tx.select({ id: users.id, role: users.role, active: users.active, email: users.email }).from(users).where(scope).for("update");
    if (!before) throw notFound("User");
    if (!input.active && before.role === "ADMIN" && before.active) {
      await assertAdminRemains(tx, { tenantId: input.tenantId, losingUserId: before.id, field: "active" });
    }
    await tx.update(users).set({ active: input.active }).where(scope);
    const sessionsEnded = input.active ? 0 : await revokeUserSessions(tx, { userId: before.id });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor,
      action: input.active ? "user.reactivate" : "user.deactivate",
      targetType: "user",
      targetId: before.id,
      before: { active: before.active },
      after: { active: input.active, sessionsEnded },
    });
    return { id: before.id, active: input.active, sessionsEnded };
  });
}
