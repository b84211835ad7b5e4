-- The RADIUS worker caches what an Access-Request is decided on, per (tenant, username). These triggers
-- tell it what changed, on commit: NOTIFY auth_changed '<tenant>:<username>' for one customer, '<tenant>'
-- (no colon) for everything of a tenant (packages, router restrictions, pools, bulk changes).
-- Accounting's own usage updates do not notify (the writer invalidates in-process; quota crossings set
-- quota_exceeded_at, which does), so the hot path pays nothing.
CREATE OR REPLACE FUNCTION isp_auth_changed_customer_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('auth_changed', OLD.tenant_id::text || ':' || OLD.username);
  IF NEW.username IS DISTINCT FROM OLD.username OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
    PERFORM pg_notify('auth_changed', NEW.tenant_id::text || ':' || NEW.username);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Inserts and deletes per statement: a bulk import notifies once per tenant, not once per row.
CREATE OR REPLACE FUNCTION isp_auth_changed_customer_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF (SELECT count(*) FROM new_rows) > 100 THEN
      PERFORM pg_notify('auth_changed', t.tenant_id::text) FROM (SELECT DISTINCT tenant_id FROM new_rows) t;
    ELSE
      PERFORM pg_notify('auth_changed', r.tenant_id::text || ':' || r.username) FROM new_rows r;
    END IF;
  ELSE
    IF (SELECT count(*) FROM old_rows) > 100 THEN
      PERFORM pg_notify('auth_changed', t.tenant_id::text) FROM (SELECT DISTINCT tenant_id FROM old_rows) t;
    ELSE
      PERFORM pg_notify('auth_changed', r.tenant_id::text || ':' || r.username) FROM old_rows r;
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION isp_auth_changed_tenant_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('auth_changed', OLD.tenant_id::text);
  ELSE
    PERFORM pg_notify('auth_changed', NEW.tenant_id::text);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER IF EXISTS customers_auth_changed_upd ON customers;--> statement-breakpoint
CREATE TRIGGER customers_auth_changed_upd AFTER UPDATE ON customers FOR EACH ROW
  WHEN (OLD.username IS DISTINCT FROM NEW.username
     OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id
     OR OLD.type IS DISTINCT FROM NEW.type
     OR OLD.password_sealed IS DISTINCT FROM NEW.password_sealed
     OR OLD.status IS DISTINCT FROM NEW.status
     OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
     OR OLD.package_id IS DISTINCT FROM NEW.package_id
     OR OLD.mac_address IS DISTINCT FROM NEW.mac_address
     OR OLD.static_ip IS DISTINCT FROM NEW.static_ip
     OR OLD.ip_pool_id IS DISTINCT FROM NEW.ip_pool_id
     OR OLD.quota_exceeded_at IS DISTINCT FROM NEW.quota_exceeded_at
     OR OLD.usage_period_start IS DISTINCT FROM NEW.usage_period_start
     OR NEW.used_bytes < OLD.used_bytes
     OR NEW.used_seconds < OLD.used_seconds)
  EXECUTE FUNCTION isp_auth_changed_customer_row();--> statement-breakpoint
DROP TRIGGER IF EXISTS customers_auth_changed_ins ON customers;--> statement-breakpoint
CREATE TRIGGER customers_auth_changed_ins AFTER INSERT ON customers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION isp_auth_changed_customer_set();--> statement-breakpoint
DROP TRIGGER IF EXISTS customers_auth_changed_del ON customers;--> statement-breakpoint
CREATE TRIGGER customers_auth_changed_del AFTER DELETE ON customers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION isp_auth_changed_customer_set();--> statement-breakpoint
DROP TRIGGER IF EXISTS packages_auth_changed ON packages;--> statement-breakpoint
CREATE TRIGGER packages_auth_changed AFTER UPDATE OR DELETE ON packages FOR EACH ROW
  EXECUTE FUNCTION isp_auth_changed_tenant_row();--> statement-breakpoint
DROP TRIGGER IF EXISTS package_routers_auth_changed ON package_routers;--> statement-breakpoint
CREATE TRIGGER package_routers_auth_changed AFTER INSERT OR UPDATE OR DELETE ON package_routers FOR EACH ROW
  EXECUTE FUNCTION isp_auth_changed_tenant_row();--> statement-breakpoint
DROP TRIGGER IF EXISTS ip_pools_auth_changed ON ip_pools;--> statement-breakpoint
CREATE TRIGGER ip_pools_auth_changed AFTER UPDATE OR DELETE ON ip_pools FOR EACH ROW
  EXECUTE FUNCTION isp_auth_changed_tenant_row();--> statement-breakpoint
-- A released or moved pool address must not be handed out again from a cached subject.
DROP TRIGGER IF EXISTS ip_assignments_auth_changed ON ip_assignments;--> statement-breakpoint
CREATE TRIGGER ip_assignments_auth_changed AFTER UPDATE OR DELETE ON ip_assignments FOR EACH ROW
  EXECUTE FUNCTION isp_auth_changed_tenant_row();--> statement-breakpoint
-- Room on each page so accounting's usage updates (no indexed column changes) stay HOT: no index
-- insertions (the trigram GIN index among them) per interim. Applies to pages written from now on.
ALTER TABLE customers SET (fillfactor = 85);
