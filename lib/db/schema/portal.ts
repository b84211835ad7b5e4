// Per-tenant captive portal branding and SMS gateway settings with their message log.
import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./_shared";
import { tenants } from "./tenants";
import { customers } from "./customers";

export const hotspotPortals = pgTable("hotspot_portals", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  title: text("title"),
  welcomeMessage: text("welcome_message"),
  logoUrl: text("logo_url"),
  primaryColor: text("primary_color").notNull().default("#2563eb"),
  backgroundColor: text("background_color").notNull().default("#f8fafc"),
  customCss: text("custom_css"),
  termsUrl: text("terms_url"),
  privacyUrl: text("privacy_url"),
  redirectUrl: text("redirect_url"),
  updatedAt: updatedAt(),
});

export const smsSettings = pgTable("sms_settings", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  provider: text("provider").notNull().default("NONE"),
  senderId: text("sender_id"),
  credentialsSealed: text("credentials_sealed"),
  templates: jsonb("templates").$type<Record<string, string>>(),
  updatedAt: updatedAt(),
});

export const smsStatus = pgEnum("sms_status", ["QUEUED", "SENT", "FAILED"]);

export const smsMessages = pgTable(
  "sms_messages",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    to: text("to").notNull(),
    body: text("body").notNull(),
    status: smsStatus("status").notNull().default("QUEUED"),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("sms_messages_tenant_created_idx").on(t.tenantId, t.createdAt)],
);
