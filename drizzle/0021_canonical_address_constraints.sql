DROP INDEX "customers_tenant_mac_idx";--> statement-breakpoint
DROP INDEX "customers_tenant_username_key";--> statement-breakpoint
CREATE UNIQUE INDEX "customers_tenant_mac_key" ON "customers" USING btree ("tenant_id","mac_address") WHERE "customers"."mac_address" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_tenant_username_key" ON "customers" USING btree ("tenant_id",lower("username"));--> statement-breakpoint
ALTER TABLE "nas" ADD CONSTRAINT "nas_ip_address_canonical" CHECK ("nas"."ip_address" IS NOT DISTINCT FROM net_canonical_ip("nas"."ip_address"));--> statement-breakpoint
ALTER TABLE "ip_assignments" ADD CONSTRAINT "ip_assignments_ip_canonical" CHECK ("ip_assignments"."ip" IS NOT DISTINCT FROM net_canonical_ip("ip_assignments"."ip"));--> statement-breakpoint
ALTER TABLE "ip_pools" ADD CONSTRAINT "ip_pools_addresses_canonical" CHECK ("ip_pools"."range_start" IS NOT DISTINCT FROM net_canonical_ip("ip_pools"."range_start") AND "ip_pools"."range_end" IS NOT DISTINCT FROM net_canonical_ip("ip_pools"."range_end") AND "ip_pools"."gateway" IS NOT DISTINCT FROM net_canonical_ip("ip_pools"."gateway"));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_static_ip_canonical" CHECK ("customers"."static_ip" IS NOT DISTINCT FROM net_canonical_ip("customers"."static_ip"));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_mac_address_canonical" CHECK ("customers"."mac_address" ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$');--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_mac_address_canonical" CHECK ("vouchers"."mac_address" ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$');