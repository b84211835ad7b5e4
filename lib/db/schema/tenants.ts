// Tenants are the ISPs on this installation; everything else belongs to exactly one of them.
import { pgEnum, pgTable, text, uniqueIndex, index } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./_shared";

export const tenantStatus = pgEnum("tenant_status", ["TRIAL", "ACTIVE", "SUSPENDED"]);

/** What a platform suspension does to the ISP's subscribers: keep service (GRACE) or RADIUS refuses them (REFUSE). */
export const tenantSuspensionMode = pgEnum("tenant_suspension_mode", ["GRACE", "REFUSE"]);

export const tenants = pgTable(
  "tenants",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    status: tenantStatus("status").notNull().default("TRIAL"),
    country: text("country").notNull().default("KE"),
    currency: text("currency").notNull().default("KES"),
    timezone: text("timezone").notNull().default("Africa/Nairobi"),
    trialEndsAt: ts("trial_ends_at"),
    suspendedReason: text("suspended_reason"),
    /** Set while SUSPENDED. */
    suspensionMode: tenantSuspensionMode("suspension_mode"),
    logoUrl: text("logo_url"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    address: text("address"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("tenants_slug_key").on(t.slug), index("tenants_status_idx").on(t.status)],
);

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
