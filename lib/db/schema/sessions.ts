// Accounting sessions: one live row per session (updated by interim updates), moved to the
// time-partitioned history when it stops.
import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, ts } from "./_shared";
import { tenants } from "./tenants";
import { routers } from "./routers";

const sessionColumns = () => ({
  tenantId: uuid("tenant_id").notNull(),
  routerId: uuid("nas_id").notNull(),
  customerId: uuid("customer_id"),
  voucherId: uuid("voucher_id"),
  username: text("username").notNull(),
  acctSessionId: text("acct_session_id").notNull(),
  framedIp: text("framed_ip"),
  callingStationId: text("calling_station_id"),
  calledStationId: text("called_station_id"),
  nasPortId: text("nas_port_id"),
  nasPortType: text("nas_port_type"),
  serviceType: text("service_type"),
  class: text("class"),
  startedAt: ts("started_at").notNull(),
  sessionTime: integer("session_time").notNull().default(0),
  /** 64-bit totals, gigawords combined. Input is the subscriber's upload. */
  inputOctets: bigint("input_octets", { mode: "bigint" }).notNull().default(sql`0`),
  outputOctets: bigint("output_octets", { mode: "bigint" }).notNull().default(sql`0`),
  inputPackets: bigint("input_packets", { mode: "number" }).notNull().default(0),
  outputPackets: bigint("output_packets", { mode: "number" }).notNull().default(0),
});

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    ...sessionColumns(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    routerId: uuid("nas_id")
      .notNull()
      .references(() => routers.id, { onDelete: "cascade" }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /** Rate currently applied (changes when a fair-usage policy throttles by CoA). */
    rateLimit: text("rate_limit"),
  },
  (t) => [
    uniqueIndex("sessions_nas_acct_user_key").on(t.routerId, t.acctSessionId, t.username),
    index("sessions_tenant_started_idx").on(t.tenantId, t.startedAt),
    index("sessions_tenant_customer_idx").on(t.tenantId, t.customerId),
    index("sessions_tenant_username_idx").on(t.tenantId, t.username),
    index("sessions_updated_idx").on(t.updatedAt),
  ],
);

/** Partitioned by month on stopped_at (see the partitioning migration); grows without bound. */
export const sessionHistory = pgTable(
  "session_history",
  {
    id: uuid("id").notNull().defaultRandom(),
    ...sessionColumns(),
    stoppedAt: ts("stopped_at").notNull(),
    terminateCause: text("terminate_cause"),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.stoppedAt] }),
    index("session_history_tenant_stopped_idx").on(t.tenantId, t.stoppedAt),
    index("session_history_tenant_customer_idx").on(t.tenantId, t.customerId, t.stoppedAt),
  ],
);

export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type SessionHistory = typeof sessionHistory.$inferSelect;
