// Routers: the RADIUS clients. The worker finds a packet's tenant and secret by its source address.
// The stored names stay "nas" (table nas, columns nas_id, enums nas_type/nas_status, their constraints and
// indexes): "NAS" is the RADIUS term, the seeds' /api/nas REST paths keep it too, and renaming stored names
// buys nothing; the code calls them routers.
import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./_shared";
import { tenants } from "./tenants";

export const routerType = pgEnum("nas_type", ["MIKROTIK", "OTHER"]);
export const routerStatus = pgEnum("nas_status", ["UNKNOWN", "ONLINE", "OFFLINE"]);

export const routers = pgTable(
  "nas",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /**
     * The address RADIUS packets come from, in canonical form (lib/net/ip.ts); unique across the
     * installation, since it picks the tenant. The CHECK makes every spelling of one address the same text.
     */
    ipAddress: text("ip_address").notNull(),
    secretSealed: text("secret_sealed").notNull(),
    type: routerType("type").notNull().default("MIKROTIK"),
    routerOsVersion: text("router_os_version"),
    coaPort: integer("coa_port").notNull().default(3799),
    requireMessageAuthenticator: boolean("require_message_authenticator").notNull().default(true),
    location: text("location"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    apiUsername: text("api_username"),
    apiPasswordSealed: text("api_password_sealed"),
    apiPort: integer("api_port"),
    apiTls: boolean("api_tls").notNull().default(false),
    snmpCommunitySealed: text("snmp_community_sealed"),
    snmpPort: integer("snmp_port").notNull().default(161),
    status: routerStatus("status").notNull().default("UNKNOWN"),
    lastSeenAt: ts("last_seen_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("nas_ip_address_key").on(t.ipAddress),
    check("nas_ip_address_canonical", sql`${t.ipAddress} IS NOT DISTINCT FROM net_canonical_ip(${t.ipAddress})`),
    uniqueIndex("nas_tenant_name_key").on(t.tenantId, t.name),
    uniqueIndex("nas_tenant_id_key").on(t.tenantId, t.id), // target of tenant-wall foreign keys
    index("nas_tenant_idx").on(t.tenantId),
  ],
);

export type Router = typeof routers.$inferSelect;
export type NewRouter = typeof routers.$inferInsert;
