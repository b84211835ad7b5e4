DROP INDEX "customers_tenant_status_idx";--> statement-breakpoint
DROP INDEX "customers_tenant_expires_idx";--> statement-breakpoint
CREATE INDEX "customers_tenant_expires_desc_idx" ON "customers" USING btree ("tenant_id","expires_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customers_tenant_status_idx" ON "customers" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "customers_tenant_expires_idx" ON "customers" USING btree ("tenant_id","expires_at","id");