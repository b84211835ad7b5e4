// Self-service sign-up of a new ISP: rate-limited per IP, always a trial with an end date, and the
// first ADMIN created in the same transaction (createTenant). Like "forgot password", the answer does
// not tell whether the address already has an account: its owner gets a mail instead of a new ISP.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { tenants, users } from "@/lib/db/schema";
import type { Db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { sendMail } from "@/lib/mail/send-mail";
import { createTenant } from "./create-tenant";
import { newTenantFieldsSchema, SLUG_TAKEN } from "./tenant-fields";

export const TRIAL_DAYS = 14;

export const registerTenantSchema = newTenantFieldsSchema.extend({
  name: z.string().trim().min(2, "ISP name must be at least 2 characters").max(120),
  adminName: z.string().trim().min(2, "Your name must be at least 2 characters").max(120),
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: newPasswordSchema,
});
export type RegisterTenantInput = z.output<typeof registerTenantSchema>;

/** The same for a new address and a taken one. */
export interface RegistrationAnswer {
  email: string;
}

interface RegisterContext {
  ip: string | null;
  userAgent?: string | null;
  /** For the sign-in link in the mail to an address that already has an account. */
  appUrl?: string;
}

export async function registerTenant(db: Db, input: RegisterTenantInput, ctx: RegisterContext): Promise<RegistrationAnswer> {
  if (ctx.ip) await enforceRateLimits(db, [{ key: `register:ip:${ctx.ip}`, limit: 10, windowSeconds: 3600 }]);
  const [owner] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`).limit(1);
  if (owner) return answerTakenAddress(db, input, ctx);
  try {
    await createTenant(
      db,
      {
        name: input.name,
        slug: input.slug,
        country: input.country,
        currency: input.currency,
        timezone: input.timezone,
        status: "TRIAL",
        trialDays: TRIAL_DAYS,
        admin: { name: input.adminName, email: input.email, password: input.password },
      },
      { label: "registration", ip: ctx.ip, userAgent: ctx.userAgent },
    );
  } catch (e) {
    // Two registrations of one address at once: the loser is answered like any taken address.
    if (isAppError(e) && e.details?.fieldErrors?.["admin.email"]) return answerTakenAddress(db, input, ctx);
    throw e;
  }
  return { email: input.email };
}

async function answerTakenAddress(db: Db, data: RegisterTenantInput, ctx: RegisterContext): Promise<RegistrationAnswer> {
  await hashPassword(data.password); // the same work as creating the account, so timing tells nothing either
  const [slugOwner] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, data.slug)).limit(1);
  if (slugOwner) throw new AppError("CONFLICT", SLUG_TAKEN, { fieldErrors: { slug: [SLUG_TAKEN] } });
  const [user] = await db
    .select({ id: users.id, tenantId: users.tenantId, name: users.name, email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) = ${data.email}`)
    .limit(1);
  if (!user) return { email: data.email };
  const signInUrl = ctx.appUrl ? `${ctx.appUrl.replace(/\/$/, "")}/sign-in` : "the sign-in page";
  await db.transaction(async (tx) => {
    await sendMail(tx, {
      tenantId: user.tenantId,
      to: user.email,
      subject: "Someone tried to register an ISP with your address",
      redact: [], // no secret in it: a sign-in link only
      body: [
        `Hello ${user.name},`,
        "",
        `Someone (hopefully you) tried to register a new ISP, "${data.name}", with this address, which already has an account.`,
        "No new ISP was created. If it was you, sign in with your existing account, or reset your password from the sign-in page:",
        "",
        signInUrl,
        "",
        "If it was not you, you can ignore this message: nothing changed.",
      ].join("\n"),
    });
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actor: { label: "registration", ip: ctx.ip, userAgent: ctx.userAgent },
      action: "auth.registration_with_taken_email",
      targetType: "user",
      targetId: user.id,
    });
  });
  return { email: data.email };
}
