// Subscribers: PPPoE, hotspot, DHCP and static customers, with the counters RADIUS enforces quotas on.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, doublePrecision, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./_shared";
import { tenants } from "./tenants";
import { connectionType, packages } from "./packages";
import { ipPools } from "./ip-pools";

export const customerStatus = pgEnum("customer_status", ["ACTIVE", "SUSPENDED", "EXPIRED", "DISABLED"]);

export const customers = pgTable(
  "customers",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    type: connectionType("type").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    username: text("username").notNull(),
    /** Recoverable (sealed) because CHAP and MS-CHAPv2 need the cleartext. */
    passwordSealed: text("password_sealed"),
    packageId: uuid("package_id").references(() => packages.id, { onDelete: "restrict" }),
    status: customerStatus("status").notNull().default("ACTIVE"),
    expiresAt: ts("expires_at"),
    /** Canonical AA:BB:CC:DD:EE:FF (lib/net/mac.ts). */
    macAddress: text("mac_address"),
    /** Canonical IPv4 (lib/net/ip.ts). */
    staticIp: text("static_ip"),
    ipPoolId: uuid("ip_pool_id").references(() => ipPools.id, { onDelete: "set null" }),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    address: text("address"),
    notes: text("notes"),
    /** Minor units of the tenant's currency. */
    walletBalance: integer("wallet_balance").notNull().default(0),
    autoRenew: boolean("auto_renew").notNull().default(true),
    online: boolean("online").notNull().default(false),
    lastSeenAt: ts("last_seen_at"),
    /** Usage in the current period (since the last renewal), kept by accounting. */
    usagePeriodStart: ts("usage_period_start").notNull().defaultNow(),
    usedBytes: bigint("used_bytes", { mode: "bigint" }).notNull().default(sql`0`),
    usedSeconds: bigint("used_seconds", { mode: "number" }).notNull().default(0),
    /** Set when accounting sees the quota used up this period. */
    quotaExceededAt: ts("quota_exceeded_at"),
    /** Set when the enforcement job acted on that (throttled or cut off); the quota sweep re-sends the rest. */
    quotaEnforcedAt: ts("quota_enforced_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Case-insensitive: routers and people mix case, so JANE.W beside jane.w would be two logins for one name.
    uniqueIndex("customers_tenant_username_key").on(t.tenantId, sql`lower(${t.username})`),
    uniqueIndex("customers_tenant_id_key").on(t.tenantId, t.id), // target of tenant-wall foreign keys
    uniqueIndex("customers_tenant_static_ip_key").on(t.tenantId, t.staticIp).where(sql`${t.staticIp} IS NOT NULL`),
    // A MAC binds one customer: MAC login and the MAC lock would otherwise pick between two.
    uniqueIndex("customers_tenant_mac_key").on(t.tenantId, t.macAddress).where(sql`${t.macAddress} IS NOT NULL`),
    check("customers_static_ip_canonical", sql`${t.staticIp} IS NOT DISTINCT FROM net_canonical_ip(${t.staticIp})`),
    check("customers_mac_address_canonical", sql`${t.macAddress} ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$'`),
    index("customers_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    index("customers_tenant_name_idx").on(t.tenantId, t.name, t.id),
    // With id, the list's tie-breaker, so a sorted page is an index range, not a sort of the tenant.
    index("customers_tenant_status_idx").on(t.tenantId, t.status, t.id),
    // Expiry ascending (nulls last) and, read backwards, descending with nulls first…
    index("customers_tenant_expires_idx").on(t.tenantId, t.expiresAt, t.id),
    // …and descending with nulls last (latest expiry first), or read backwards ascending with nulls first.
    index("customers_tenant_expires_desc_idx").on(t.tenantId, t.expiresAt.desc().nullsLast(), t.id.desc()),
    index("customers_tenant_package_idx").on(t.tenantId, t.packageId),
    index("customers_expiry_scan_idx").on(t.expiresAt).where(sql`${t.status} = 'ACTIVE'`),
    index("customers_search_trgm_idx").using("gin", sql`(${t.name} || ' ' || ${t.username} || ' ' || coalesce(${t.phone}, '')) gin_trgm_ops`),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type CustomerStatus = (typeof customerStatus.enumValues)[number];
