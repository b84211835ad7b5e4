// An ADMIN adds a staff member: with an initial password, or without one and a reset link mailed so
// they choose their own. SUPER_ADMIN cannot be granted from inside a tenant.
import { z } from "zod";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { randomToken } from "@/lib/crypto";
import { mapDbError } from "@/lib/services/db-errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { createResetToken, resetMailBody } from "@/lib/services/auth/create-reset-token";
import { sendMail } from "@/lib/mail/send-mail";
import { alsoWhenFieldsFail } from "@/lib/services/zod-helpers";

export const tenantRoleSchema = z.enum(["ADMIN", "STAFF", "VIEWER"], { message: "Choose a role" });

export const createUserSchema = z
  .object({
    name: z.string().trim().min(2, "Name must be at least 2 characters").max(120),
    email: z.string().trim().toLowerCase().email("Enter a valid email address"),
    role: tenantRoleSchema,
    passwordMode: z.enum(["password", "link"]).default("link"),
    password: z.preprocess((v) => (v === "" ? undefined : v), newPasswordSchema.optional()),
  })
  .superRefine((d, ctx) => {
    if (d.passwordMode === "password" && !d.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Enter an initial password, or send a link instead" });
  }, alsoWhenFieldsFail);
export type CreateUserInput = z.output<typeof createUserSchema>;

export async function createUser(db: Database, input: CreateUserInput & { tenantId: string; appUrl?: string }, actor: Actor) {
  // Without an initial password the account gets an unusable random one until the link is used.
  const passwordHash = await hashPassword(input.passwordMode === "password" && input.password ? input.password : randomToken(24));
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ tenantId: input.tenantId, name: input.name, email: input.email, role: input.role, passwordHash })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active });
      let resetUrl: string | undefined;
      if (input.passwordMode === "link") {
        if (!input.appUrl) throw new AppError("INVALID_INPUT", "Cannot build a link without the application URL");
        const link = await createResetToken(tx, { userId: user.id, tenantId: input.tenantId, appUrl: input.appUrl });
        resetUrl = link.url;
        await sendMail(tx, {
          tenantId: input.tenantId,
          to: user.email,
          subject: "You have been added to ISP Console",
          body: resetMailBody(user.name, link.url, actor.label ?? "Your administrator"),
          redact: [link.url],
        });
      }
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor,
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        after: { name: user.name, email: user.email, role: user.role, passwordMode: input.passwordMode },
      });
      return { user, resetUrl };
    });
  } catch (e) {
    mapDbError(e, { users_email_key: ["email", "An account with this email already exists"] });
  }
}
