// Prepaid hotspot access codes, generated in batches and redeemed through RADIUS or the portal.
import { bigint, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, id, ts } from "./_shared";
import { tenants } from "./tenants";
import { packages } from "./packages";
import { users } from "./users";

export const voucherStatus = pgEnum("voucher_status", ["AVAILABLE", "USED", "EXPIRED", "REVOKED"]);

export const voucherBatches = pgTable(
  "voucher_batches",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    packageId: uuid("package_id")
      .notNull()
      .references(() => packages.id, { onDelete: "restrict" }),
    count: integer("count").notNull(),
    prefix: text("prefix").notNull().default(""),
    codeLength: integer("code_length").notNull(),
    charset: text("charset").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("voucher_batches_tenant_idx").on(t.tenantId, t.createdAt),
    uniqueIndex("voucher_batches_tenant_id_key").on(t.tenantId, t.id), // target of tenant-wall foreign keys
  ],
);

export const vouchers = pgTable(
  "vouchers",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    batchId: uuid("batch_id").references(() => voucherBatches.id, { onDelete: "cascade" }),
    packageId: uuid("package_id")
      .notNull()
      .references(() => packages.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    status: voucherStatus("status").notNull().default("AVAILABLE"),
    /** The voucher must be redeemed before this time; after first use expiry runs from usedAt. */
    redeemBy: ts("redeem_by"),
    usedAt: ts("used_at"),
    expiresAt: ts("expires_at"),
    /** Bound at first login; canonical AA:BB:CC:DD:EE:FF (lib/net/mac.ts). */
    macAddress: text("mac_address"),
    usedBytes: bigint("used_bytes", { mode: "bigint" }).notNull().default(sql`0`),
    usedSeconds: bigint("used_seconds", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("vouchers_tenant_code_key").on(t.tenantId, t.code),
    index("vouchers_tenant_status_idx").on(t.tenantId, t.status),
    index("vouchers_batch_idx").on(t.batchId),
    check("vouchers_mac_address_canonical", sql`${t.macAddress} ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$'`),
  ],
);

export type Voucher = typeof vouchers.$inferSelect;
export type VoucherBatch = typeof voucherBatches.$inferSelect;
