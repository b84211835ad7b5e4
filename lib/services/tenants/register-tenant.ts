// Self-service sign-up of a new ISP: rate-limited per IP, always a trial with an end date, and the
// first ADMIN created in the same transaction (createTenant).
import { z } from "zod";
import { isCountryCode, isCurrencyCode } from "@/lib/regions";
import type { Database } from "@/lib/db/client";
import { newPasswordSchema } from "@/lib/auth/password";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { createTenant, slugSchema } from "./create-tenant";

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

export async function registerTenant(db: Database, input: RegisterTenantInput, ctx: { ip: string | null; userAgent?: string | null }) {
  if (ctx.ip) await enforceRateLimits(db, [{ key: `register:ip:${ctx.ip}`, limit: 10, windowSeconds: 3600 }]);
  const data = registerTenantSchema.parse(input);
  try {
    return await createTenant(
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
    // createTenant names its fields after its own input; the form names them after ours.
    const err = e as { details?: { fieldErrors?: Record<string, string[]> } };
    const fe = err.details?.fieldErrors;
    if (fe?.["admin.email"]) {
      fe.email = fe["admin.email"];
      delete fe["admin.email"];
    }
    throw e;
  }
}
