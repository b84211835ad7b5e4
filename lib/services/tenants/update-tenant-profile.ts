// An ADMIN edits the tenant profile: name, currency, time zone, logo and contact details.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { tenants } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { zOptionalText } from "@/lib/services/zod-helpers";
import { countryField, currencyField, timezoneField } from "./tenant-fields";

const optionalUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().max(500).url("Enter a full URL starting with https://").refine((u) => /^https?:\/\//.test(u), "The logo URL must start with http:// or https://").optional(),
);

export const updateTenantProfileSchema = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters").max(120),
  currency: currencyField,
  timezone: timezoneField,
  country: countryField,
  logoUrl: optionalUrl,
  contactEmail: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().toLowerCase().email("Enter a valid email address").optional()),
  contactPhone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a phone number such as +254 712 345678").optional(),
  ),
  address: zOptionalText(500),
});
export type UpdateTenantProfileInput = z.output<typeof updateTenantProfileSchema>;

export async function updateTenantProfile(db: Database, input: UpdateTenantProfileInput & { tenantId: string }, actor: Actor) {
  const [before] = await db.select().from(tenants).where(eq(tenants.id, input.tenantId));
  if (!before) throw notFound("Tenant");
  const values = {
    name: input.name,
    currency: input.currency,
    timezone: input.timezone,
    country: input.country,
    logoUrl: input.logoUrl ?? null,
    contactEmail: input.contactEmail ?? null,
    contactPhone: input.contactPhone ?? null,
    address: input.address ?? null,
  };
  const [after] = await db.update(tenants).set(values).where(eq(tenants.id, input.tenantId)).returning();
  const pick = (t: typeof before) => ({ name: t.name, currency: t.currency, timezone: t.timezone, country: t.country, logoUrl: t.logoUrl, contactEmail: t.contactEmail, contactPhone: t.contactPhone, address: t.address });
  await recordAudit(db, { tenantId: input.tenantId, actor, action: "tenant.update", targetType: "tenant", targetId: input.tenantId, before: pick(before), after: pick(after) });
  return after;
}
