// An ADMIN issues a reset link for a staff member: mailed to them and shown to the admin once, so it
// can be passed on by hand when mail is not set up.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { createResetToken, resetMailBody } from "@/lib/services/auth/create-reset-token";
import { sendMail } from "@/lib/mail/send-mail";
import { zUuid } from "@/lib/services/zod-helpers";

export const issuePasswordResetSchema = z.object({ id: zUuid("User id") });

export type IssuePasswordResetInput = z.output<typeof issuePasswordResetSchema>;

export async function issuePasswordReset(db: Database, input: IssuePasswordResetInput & { tenantId: string; appUrl: string }, actor: Actor) {
  if (!isUuid(input.id)) throw notFound("User");
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(and(eq(users.tenantId, input.tenantId), eq(users.id, input.id)));
  if (!user) throw notFound("User");
  if (!user.active) throw new AppError("CONFLICT", "Reactivate this account before sending a reset link");
  const link = await createResetToken(db, { userId: user.id, tenantId: input.tenantId, appUrl: input.appUrl });
  await sendMail(db, { tenantId: input.tenantId, to: user.email, subject: "Reset your ISP Console password", body: resetMailBody(user.name, link.url, actor.label ?? "Your administrator"), redact: [link.url] });
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "user.password_reset_issued", targetType: "user", targetId: user.id });
  return { url: link.url, expiresAt: link.expiresAt, email: user.email };
}
