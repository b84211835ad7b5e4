// Self-service sign-up of a new ISP: rate-limited per IP, always a trial with an end date, and the
// first ADMIN created in the same transaction (createTenant). Like "forgot password", the answer does
// not tell whether the address already has an account: its owner gets a mail instead of a new ISP.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { tenants, users } from "@/lib/db/schema";
import { isCountryCode, isCurrencyCode } from "@/lib/regions";
import type { Db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { sendMail } from "@/lib/mail/send-mail";
import { createTenant, SLUG_TAKEN, slugSchema } from "./create-tenant";

export const TRIAL_DAYS = 14;

export const registerTenantSchema = z.object({
  name: z.string().trim().min(2, "ISP name must be at least 2 characters").max(120),
  slug: slugSchema,
  country: z.string().trim().toUpperCase().refine(isCountryCode, "Choose a country from the list").default("KE"),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, "Choose a currency from the list").default("KES"),
  timezone: z
    .string()
    .trim()
    .default("Africa/Nairobi")
    .refine((tz) => tz === "UTC" || Intl.supportedValuesOf("timeZone").includes(tz), "Unknown time zone"),
  adminName: z.string().trim().min(2, "Your name must be at least 2 characters").max(120),
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: newPasswordSchema,
});
export type RegisterTenantInput = z.input<typeof registerTenantSchema>;

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
  const data = registerTenantSchema.parse(input);
  const [owner] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${data.email}`).limit(1);
  if (owner) return answerTakenAddress(db, data, ctx);
  try {
    await createTenant(
      db,
      {
        name: data.name,
        slug: data.slug,
        country: data.country,
        currency: data.currency,
        timezone: data.timezone,
        status: "TRIAL",
        trialDays: TRIAL_DAYS,
        admin: { name: data.adminName, email: data.email, password: data.password },
      },
      { label: "registration", ip: ctx.ip, userAgent: ctx.userAgent },
    );
  } catch (e) {
    // Two registrations of one address at once: the loser is answered like any taken address.
    if (isAppError(e) && e.details?.fieldErrors?.["admin.email"]) return answerTakenAddress(db, data, ctx);
    throw e;
  }
  return { email: data.email };
}

async function answerTakenAddress(db: Db, data: z.output<typeof registerTenantSchema>, ctx: RegisterContext): Promise<RegistrationAnswer> {
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
