-- Tenant walls in the schema: every reference from one tenant-owned row to another carries the tenant,
-- (tenant_id, x_id) REFERENCES target (tenant_id, id), so the database itself refuses a customer that
-- points at another tenant's package, pool or router, whoever writes it. The single-column keys stay
-- (Drizzle's schema declares them); SET NULL clears only the id column (PostgreSQL 15+). A reference
-- that already crossed tenants is cleared first where the column may be empty.
CREATE FUNCTION isp_tenant_fk(tbl text, col text, target text, on_delete text) RETURNS void AS $$
BEGIN
  IF on_delete = 'SET NULL' THEN
    EXECUTE format('UPDATE %I x SET %I = NULL WHERE x.%I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %I r WHERE r.id = x.%I AND r.tenant_id = x.tenant_id)',
                   tbl, col, col, target, col);
  END IF;
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (tenant_id, %I) REFERENCES %I (tenant_id, id) ON DELETE %s',
                 tbl, tbl || '_' || col || '_tenant_fk', col, target,
                 CASE WHEN on_delete = 'SET NULL' THEN format('SET NULL (%I)', col) ELSE on_delete END);
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT isp_tenant_fk('customers', 'package_id', 'packages', 'RESTRICT');
--> statement-breakpoint
SELECT isp_tenant_fk('customers', 'ip_pool_id', 'ip_pools', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('payments', 'customer_id', 'customers', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('payments', 'package_id', 'packages', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('invoices', 'customer_id', 'customers', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('invoices', 'payment_id', 'payments', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('expenses', 'account_id', 'accounts', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('ip_pools', 'nas_id', 'nas', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('ip_pools', 'package_id', 'packages', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('ip_assignments', 'pool_id', 'ip_pools', 'CASCADE');
--> statement-breakpoint
SELECT isp_tenant_fk('package_routers', 'package_id', 'packages', 'CASCADE');
--> statement-breakpoint
SELECT isp_tenant_fk('package_routers', 'nas_id', 'nas', 'CASCADE');
--> statement-breakpoint
SELECT isp_tenant_fk('sessions', 'nas_id', 'nas', 'CASCADE');
--> statement-breakpoint
SELECT isp_tenant_fk('sms_messages', 'customer_id', 'customers', 'SET NULL');
--> statement-breakpoint
SELECT isp_tenant_fk('voucher_batches', 'package_id', 'packages', 'RESTRICT');
--> statement-breakpoint
SELECT isp_tenant_fk('vouchers', 'batch_id', 'voucher_batches', 'CASCADE');
--> statement-breakpoint
SELECT isp_tenant_fk('vouchers', 'package_id', 'packages', 'RESTRICT');
--> statement-breakpoint
DROP FUNCTION isp_tenant_fk(text, text, text, text);
