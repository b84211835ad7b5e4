CREATE UNIQUE INDEX "packages_tenant_id_key" ON "packages" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "nas_tenant_id_key" ON "nas" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_pools_tenant_id_key" ON "ip_pools" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_tenant_id_key" ON "customers" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_batches_tenant_id_key" ON "voucher_batches" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_tenant_id_key" ON "accounts" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_tenant_id_key" ON "payments" USING btree ("tenant_id","id");