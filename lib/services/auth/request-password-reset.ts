// "Forgot password": mails a reset link if the address belongs to an active account. The answer is
// the same either way, so the form cannot be used to find out who has an account.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { sendMail } from "@/lib/mail/send-mail";
import { createResetToken, resetMailBody } from "./create-reset-token";

export const requestPasswordResetSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
});
export type RequestPasswordResetInput = z.output<typeof requestPasswordResetSchema>;

export async function requestPasswordReset(
  db: Db,
  input: RequestPasswordResetInput,
  ctx: { ip: string | null; userAgent?: string | null; appUrl: string },
): Promise<void> {
  await enforceRateLimits(db, [
    { key: `reset:account:${input.email}`, limit: 3, windowSeconds: 900 },
    ...(ctx.ip ? [{ key: `reset:ip:${ctx.ip}`, limit: 20, windowSeconds: 900 }] : []),
  ]);
  const [user] = await db
    .select({ id: users.id, tenantId: users.tenantId, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`)
    .limit(1);
  if (!user || !user.active) return;
  await db.transaction(async (tx) => {
    const link = await createResetToken(tx, { userId: user.id, tenantId: user.tenantId, appUrl: ctx.appUrl });
    await sendMail(tx, { tenantId: user.tenantId, to: user.email, subject: "Reset your ISP Console password", body: resetMailBody(user.name, link.url), redact: [link.url] });
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actor: { label: "password-reset", ip: ctx.ip, userAgent: ctx.userAgent },
      action: "auth.password_reset_requested",
      targetType: "user",
      targetId: user.id,
    });
  });
}
