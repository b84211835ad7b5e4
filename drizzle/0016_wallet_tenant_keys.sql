-- Wallet transactions carry their tenant into their references too, like every other tenant-owned row.
ALTER TABLE "wallet_transactions" ADD CONSTRAINT "wallet_transactions_customer_id_tenant_fk" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers" ("tenant_id", "id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "wallet_transactions" ADD CONSTRAINT "wallet_transactions_payment_id_tenant_fk" FOREIGN KEY ("tenant_id", "payment_id") REFERENCES "payments" ("tenant_id", "id") ON DELETE SET NULL ("payment_id");
