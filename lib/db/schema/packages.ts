// Service packages (plans): what a subscriber pays for and what RADIUS enforces.
import { bigint, boolean, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./_shared";
import { tenants } from "./tenants";
import { routers } from "./routers";

export const connectionType = pgEnum("connection_type", ["PPPOE", "HOTSPOT", "DHCP", "STATIC"]);
export const validityUnit = pgEnum("validity_unit", ["MINUTES", "HOURS", "DAYS", "MONTHS"]);

export const packages = pgTable(
  "packages",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    type: connectionType("type").notNull(),
    /** Price in minor units of the tenant's currency. */
    price: integer("price").notNull(),
    validityValue: integer("validity_value").notNull(),
    validityUnit: validityUnit("validity_unit").notNull(),
    downloadKbps: integer("download_kbps").notNull(),
    uploadKbps: integer("upload_kbps").notNull(),
    burstDownloadKbps: integer("burst_download_kbps"),
    burstUploadKbps: integer("burst_upload_kbps"),
    burstThresholdDownloadKbps: integer("burst_threshold_download_kbps"),
    burstThresholdUploadKbps: integer("burst_threshold_upload_kbps"),
    burstTimeSeconds: integer("burst_time_seconds"),
    priority: integer("priority"),
    dataQuotaBytes: bigint("data_quota_bytes", { mode: "bigint" }),
    sessionTimeLimitSeconds: integer("session_time_limit_seconds"),
    /** Fair-usage policy: the speed after the quota is used; NULL means disconnect instead. */
    fupDownloadKbps: integer("fup_download_kbps"),
    fupUploadKbps: integer("fup_upload_kbps"),
    sharedUsers: integer("shared_users").notNull().default(1),
    idleTimeoutSeconds: integer("idle_timeout_seconds"),
    addressList: text("address_list"),
    allRouters: boolean("all_routers").notNull().default(true),
    retiredAt: ts("retired_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("packages_tenant_name_key").on(t.tenantId, t.name),
    index("packages_tenant_type_idx").on(t.tenantId, t.type),
    uniqueIndex("packages_tenant_id_key").on(t.tenantId, t.id), // target of tenant-wall foreign keys
  ],
);

/** Routers a package is limited to, when allRouters is false. */
export const packageRouters = pgTable(
  "package_routers",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    packageId: uuid("package_id")
      .notNull()
      .references(() => packages.id, { onDelete: "cascade" }),
    routerId: uuid("nas_id")
      .notNull()
      .references(() => routers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.routerId] }), index("package_routers_tenant_idx").on(t.tenantId)],
);

export type Package = typeof packages.$inferSelect;
export type NewPackage = typeof packages.$inferInsert;
export type ConnectionType = (typeof connectionType.enumValues)[number];
