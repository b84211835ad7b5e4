// Append-only records: the audit log of staff changes, the RADIUS log, router metrics and tenant settings.
import { doublePrecision, bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, ts } from "./_shared";
import { tenants } from "./tenants";

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** NULL for platform-level actions by a SUPER_ADMIN. */
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id"),
    actorApiKeyId: uuid("actor_api_key_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("audit_log_tenant_action_idx").on(t.tenantId, t.action),
    index("audit_log_target_idx").on(t.tenantId, t.targetType, t.targetId),
  ],
);

/** Partitioned by month on created_at. tenant_id is NULL for packets from unknown addresses. */
export const radiusLog = pgTable(
  "radius_log",
  {
    id: uuid("id").notNull().defaultRandom(),
    tenantId: uuid("tenant_id"),
    routerId: uuid("nas_id"),
    nasIp: text("nas_ip").notNull(),
    kind: text("kind").notNull(), // AUTH | ACCT | COA | STATUS
    username: text("username"),
    outcome: text("outcome").notNull(), // ACCEPT | REJECT | DROP | OK | NAK | ACK
    reason: text("reason"),
    detail: jsonb("detail"),
    latencyMs: doublePrecision("latency_ms"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.createdAt] }),
    index("radius_log_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("radius_log_tenant_user_idx").on(t.tenantId, t.username, t.createdAt),
  ],
);

/** Router time series from SNMP and the RouterOS API; partitioned by month on recorded_at. */
export const routerMetrics = pgTable(
  "nas_metrics",
  {
    tenantId: uuid("tenant_id").notNull(),
    routerId: uuid("nas_id").notNull(),
    recordedAt: ts("recorded_at").notNull(),
    cpuLoad: integer("cpu_load"),
    memoryUsedPercent: doublePrecision("memory_used_percent"),
    uptimeSeconds: bigint("uptime_seconds", { mode: "number" }),
    activeSessions: integer("active_sessions"),
    rxBytes: bigint("rx_bytes", { mode: "bigint" }),
    txBytes: bigint("tx_bytes", { mode: "bigint" }),
    latencyMs: doublePrecision("latency_ms"),
    temperatureC: doublePrecision("temperature_c"),
    reachable: integer("reachable").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.routerId, t.recordedAt] }), index("nas_metrics_tenant_idx").on(t.tenantId, t.recordedAt)],
);

export const settings = pgTable(
  "settings",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    updatedAt: ts("updated_at").notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

/** Settings of the whole installation (lib/settings, scope "installation"): written only by the platform operator. */
export const installationSettings = pgTable("installation_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: ts("updated_at").notNull().default(sql`now()`),
});
