// Address pools and the addresses handed out from them; a unique index makes double assignment impossible.
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_shared";
import { tenants } from "./tenants";
import { routers } from "./routers";
import { packages } from "./packages";

export const ipPools = pgTable(
  "ip_pools",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    cidr: text("cidr").notNull(),
    rangeStart: text("range_start").notNull(),
    rangeEnd: text("range_end").notNull(),
    gateway: text("gateway"),
    routerId: uuid("nas_id").references(() => routers.id, { onDelete: "set null" }),
    packageId: uuid("package_id").references(() => packages.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("ip_pools_tenant_name_key").on(t.tenantId, t.name),
    index("ip_pools_tenant_idx").on(t.tenantId),
    uniqueIndex("ip_pools_tenant_id_key").on(t.tenantId, t.id), // target of tenant-wall foreign keys
    // Addresses in canonical form (lib/net/ip.ts), so comparisons with static IPs and assignments are exact.
    check(
      "ip_pools_addresses_canonical",
      sql`${t.rangeStart} IS NOT DISTINCT FROM net_canonical_ip(${t.rangeStart}) AND ${t.rangeEnd} IS NOT DISTINCT FROM net_canonical_ip(${t.rangeEnd}) AND ${t.gateway} IS NOT DISTINCT FROM net_canonical_ip(${t.gateway})`,
    ),
  ],
);

export const ipAssignments = pgTable(
  "ip_assignments",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    poolId: uuid("pool_id")
      .notNull()
      .references(() => ipPools.id, { onDelete: "cascade" }),
    ip: text("ip").notNull(),
    customerId: uuid("customer_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ip_assignments_tenant_ip_key").on(t.tenantId, t.ip),
    check("ip_assignments_ip_canonical", sql`${t.ip} IS NOT DISTINCT FROM net_canonical_ip(${t.ip})`),
    uniqueIndex("ip_assignments_pool_customer_key").on(t.poolId, t.customerId),
    index("ip_assignments_customer_idx").on(t.tenantId, t.customerId),
  ],
);

export type IpPool = typeof ipPools.$inferSelect;
export type IpAssignment = typeof ipAssignments.$inferSelect;
