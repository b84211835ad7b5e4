// Guards against a tenant locking itself out: some other active ADMIN must remain after a change
// that removes one. The admin rows are locked so two simultaneous demotions cannot both pass.
import { and, eq, ne } from "drizzle-orm";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function assertAdminRemains(db: Database, input: { tenantId: string; losingUserId: string; field: string }) {
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, input.tenantId), eq(users.role, "ADMIN"), eq(users.active, true), ne(users.id, input.losingUserId)))
    .for("update");
  if (others.length === 0) {
    const message = "This is the last active admin of the tenant: make someone else an admin first.";
    throw new AppError("CONFLICT", message, { fieldErrors: { [input.field]: [message] } });
  }
}
