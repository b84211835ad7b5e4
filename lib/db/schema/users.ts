// Staff accounts, their revocable sessions, API keys, password resets and the shared rate-limit store.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./_shared";
import { tenants } from "./tenants";

export const userRole = pgEnum("user_role", ["SUPER_ADMIN", "ADMIN", "STAFF", "VIEWER"]);

export const users = pgTable(
  "users",
  {
    id: id(),
    // NULL only for platform operators (SUPER_ADMIN), who belong to no tenant.
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("STAFF"),
    active: boolean("active").notNull().default(true),
    totpSecretSealed: text("totp_secret_sealed"),
    totpEnabledAt: ts("totp_enabled_at"),
    /** The 30-second step of the last TOTP code accepted: a code is good once (RFC 6238 §5.2). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    recoveryCodeHashes: text("recovery_code_hashes").array(),
    passwordChangedAt: ts("password_changed_at").notNull().defaultNow(),
    lastLoginAt: ts("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index("users_tenant_idx").on(t.tenantId)],
);

export const authSessionKind = pgEnum("auth_session_kind", ["WEB", "API"]);

/** Every sign-in (browser or REST) is a row here, so sign-out and password changes can end it. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    kind: authSessionKind("kind").notNull(),
    refreshTokenHash: text("refresh_token_hash"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    // Set when a SUPER_ADMIN opens a tenant as that tenant.
    actingTenantId: uuid("acting_tenant_id").references(() => tenants.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    index("auth_sessions_user_idx").on(t.userId),
    uniqueIndex("auth_sessions_refresh_key").on(t.refreshTokenHash),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    role: userRole("role").notNull().default("VIEWER"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_tenant_idx").on(t.tenantId)],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_reset_tokens_hash_key").on(t.tokenHash), index("password_reset_tokens_user_idx").on(t.userId)],
);

/** Fixed-window counters shared by every web process (login, registration, portal, callbacks). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: ts("reset_at").notNull(),
});

/** Mail that could not be (or need not be) sent by SMTP: readable by an ADMIN in settings. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    sentAt: ts("sent_at"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("mail_outbox_tenant_idx").on(t.tenantId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof userRole.enumValues)[number];
export type AuthSession = typeof authSessions.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
