-- Second wall of tenant isolation. Application code scopes every query by tenant_id; on top of that,
-- web requests run their queries as the role isp_tenant (SET LOCAL ROLE) with app.tenant_id set, and
-- row-level security, forced on every tenant-owned table, hides every other tenant's rows from it.
-- The migrating role (and anything it runs outside withTenant: the worker, platform pages) is a member
-- of isp_trusted, whose policy sees all rows.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'isp_tenant') THEN
    CREATE ROLE isp_tenant NOLOGIN NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'isp_trusted') THEN
    CREATE ROLE isp_trusted NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
GRANT isp_tenant TO CURRENT_USER;
--> statement-breakpoint
GRANT isp_trusted TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO isp_tenant;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO isp_tenant;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO isp_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO isp_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO isp_tenant;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION isp_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION isp_current_tenant() TO isp_tenant;
--> statement-breakpoint
-- Enables forced RLS on a tenant-owned table with the two policies.
CREATE OR REPLACE FUNCTION isp_protect_tenant_table(tbl text, col text DEFAULT 'tenant_id') RETURNS void AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', tbl);
  EXECUTE format('DROP POLICY IF EXISTS trusted_access ON %I', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %I TO isp_tenant USING (%I = isp_current_tenant()) WITH CHECK (%I = isp_current_tenant())', tbl, col, col);
  EXECUTE format('CREATE POLICY trusted_access ON %I TO isp_trusted USING (true) WITH CHECK (true)', tbl);
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT isp_protect_tenant_table('users');
--> statement-breakpoint
SELECT isp_protect_tenant_table('auth_sessions');
--> statement-breakpoint
SELECT isp_protect_tenant_table('api_keys');
--> statement-breakpoint
SELECT isp_protect_tenant_table('password_reset_tokens');
--> statement-breakpoint
SELECT isp_protect_tenant_table('mail_outbox');
--> statement-breakpoint
SELECT isp_protect_tenant_table('packages');
--> statement-breakpoint
SELECT isp_protect_tenant_table('package_routers');
--> statement-breakpoint
SELECT isp_protect_tenant_table('nas');
--> statement-breakpoint
SELECT isp_protect_tenant_table('ip_pools');
--> statement-breakpoint
SELECT isp_protect_tenant_table('ip_assignments');
--> statement-breakpoint
SELECT isp_protect_tenant_table('customers');
--> statement-breakpoint
SELECT isp_protect_tenant_table('sessions');
--> statement-breakpoint
SELECT isp_protect_tenant_table('session_history');
--> statement-breakpoint
SELECT isp_protect_tenant_table('voucher_batches');
--> statement-breakpoint
SELECT isp_protect_tenant_table('vouchers');
--> statement-breakpoint
SELECT isp_protect_tenant_table('payments');
--> statement-breakpoint
SELECT isp_protect_tenant_table('invoices');
--> statement-breakpoint
SELECT isp_protect_tenant_table('accounts');
--> statement-breakpoint
SELECT isp_protect_tenant_table('expenses');
--> statement-breakpoint
SELECT isp_protect_tenant_table('hotspot_portals');
--> statement-breakpoint
SELECT isp_protect_tenant_table('sms_settings');
--> statement-breakpoint
SELECT isp_protect_tenant_table('sms_messages');
--> statement-breakpoint
SELECT isp_protect_tenant_table('audit_log');
--> statement-breakpoint
SELECT isp_protect_tenant_table('radius_log');
--> statement-breakpoint
SELECT isp_protect_tenant_table('nas_metrics');
--> statement-breakpoint
SELECT isp_protect_tenant_table('settings');
--> statement-breakpoint
SELECT isp_protect_tenant_table('tenants', 'id');
