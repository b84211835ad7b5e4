// Creates an ISP (tenant) with its first ADMIN in one transaction: registration and the seed use it.
import { z } from "zod";
import { tenants, users, hotspotPortals } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { mapDbError } from "@/lib/services/db-errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { newTenantFieldsSchema, SLUG_TAKEN } from "./tenant-fields";

export const createTenantSchema = newTenantFieldsSchema.extend({
  name: z.string().trim().min(2, "Name must be at least 2 characters").max(120),
  trialDays: z.number().int().min(0).max(365).default(14),
  status: z.enum(["TRIAL", "ACTIVE"]).default("TRIAL"),
  admin: z.object({
    name: z.string().trim().min(2, "Name must be at least 2 characters").max(120),
    email: z.string().trim().toLowerCase().email("Enter a valid email address"),
    password: newPasswordSchema,
  }),
});
export type CreateTenantInput = z.output<typeof createTenantSchema>;

export async function createTenant(db: Database, input: CreateTenantInput, actor: Actor = { label: "registration" }) {
  const passwordHash = await hashPassword(input.admin.password);
  try {
    return await db.transaction(async (tx) => {
      const [tenant] = await tx
        .insert(tenants)
        .values({
          name: input.name,
          slug: input.slug,
          country: input.country,
          currency: input.currency,
          timezone: input.timezone,
          status: input.status,
          trialEndsAt: input.status === "TRIAL" ? new Date(Date.now() + input.trialDays * 86_400_000) : null,
        })
        .returning();
      const [admin] = await tx
        .insert(users)
        .values({ tenantId: tenant.id, email: input.admin.email, name: input.admin.name, passwordHash, role: "ADMIN" })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
      await tx.insert(hotspotPortals).values({ tenantId: tenant.id, title: input.name });
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
