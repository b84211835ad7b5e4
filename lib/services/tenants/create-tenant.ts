// Creates an ISP (tenant) with its first ADMIN in one transaction: registration and the seed use it.
import { z } from "zod";
import { isCountryCode, isCurrencyCode } from "@/lib/regions";
import { tenants, users, hotspotPortals } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { mapDbError } from "@/lib/services/db-errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Slug must be at least 3 characters")
  .max(40, "Slug must be at most 40 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Slug may contain lowercase letters, digits and dashes");

export const SLUG_TAKEN = "This slug is already taken";

export const createTenantSchema = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters").max(120),
  slug: slugSchema,
  country: z.string().trim().toUpperCase().refine(isCountryCode, "Choose a country from the list").default("KE"),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, "Choose a currency from the list").default("KES"),
  timezone: z
    .string()
    .trim()
    .default("Africa/Nairobi")
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "Unknown time zone"),
  trialDays: z.number().int().min(0).max(365).default(14),
  status: z.enum(["TRIAL", "ACTIVE"]).default("TRIAL"),
  admin: z.object({
    name: z.string().trim().min(2, "Name must be at least 2 characters").max(120),
    email: z.string().trim().toLowerCase().email("Enter a valid email address"),
    password: newPasswordSchema,
  }),
});
export type CreateTenantInput = z.input<typeof createTenantSchema>;

export async function createTenant(db: Database, input: CreateTenantInput, actor: Actor = { label: "registration" }) {
  const data = createTenantSchema.parse(input);
  const passwordHash = await hashPassword(data.admin.password);
  try {
    return await db.transaction(async (tx) => {
      const [tenant] = await tx
        .insert(tenants)
        .values({
          name: data.name,
          slug: data.slug,
          country: data.country,
          currency: data.currency,
          timezone: data.timezone,
          status: data.status,
          trialEndsAt: data.status === "TRIAL" ? new Date(Date.now() + data.trialDays * 86_400_000) : null,
        })
        .returning();
      const [admin] = await tx
        .insert(users)
        .values({ tenantId: tenant.id, email: data.admin.email, name: data.admin.name, passwordHash, role: "ADMIN" })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
      await tx.insert(hotspotPortals).values({ tenantId: tenant.id, title: data.name });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: { ...actor, userId: actor.userId ?? admin.id },
        action: "tenant.create",
        targetType: "tenant",
        targetId: tenant.id,
        after: { name: tenant.name, slug: tenant.slug, status: tenant.status, admin: admin.email },
      });
      return { tenant, admin };
    });
  } catch (e) {
    mapDbError(e, {
      tenants_slug_key: ["slug", SLUG_TAKEN],
      users_email_key: ["admin.email", "An account with this email already exists"],
    });
  }
}
