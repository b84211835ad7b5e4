-- Installation settings are the platform operator's: a tenant transaction (role isp_tenant) may read
-- them (the router script shows the RADIUS address) but never write them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON installation_settings FROM isp_tenant;--> statement-breakpoint
-- Tenants suspended before suspension modes existed were refused (their routers were dropped).
UPDATE tenants SET suspension_mode = 'REFUSE' WHERE status = 'SUSPENDED' AND suspension_mode IS NULL;--> statement-breakpoint
-- A suspension (or reactivation) changes what every cached auth subject of the tenant is decided on:
-- NOTIFY auth_changed '<tenant>' at commit, like a package change (see the radius cache migration).
CREATE OR REPLACE FUNCTION isp_auth_changed_tenant_self() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('auth_changed', NEW.id::text);
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER IF EXISTS tenants_auth_changed ON tenants;--> statement-breakpoint
CREATE TRIGGER tenants_auth_changed AFTER UPDATE ON tenants FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.suspension_mode IS DISTINCT FROM NEW.suspension_mode)
  EXECUTE FUNCTION isp_auth_changed_tenant_self();
