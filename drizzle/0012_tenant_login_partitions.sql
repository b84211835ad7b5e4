-- Closes the gaps in the row-level-security wall. Tenant requests now log in as their own role (a
-- member of isp_tenant only; created by lib/db/tenant-login.ts with the configured password), so
-- RESET ROLE inside a request gets back nothing more. Monthly partitions are separate tables: a query
-- that names one directly is not filtered by the parent's policies, so isp_tenant loses every right on
-- every partition (only the parent, with its policy, is reachable) and each partition carries the same
-- forced policies anyway. isp_ensure_partitions seals the partitions it creates.
CREATE OR REPLACE FUNCTION isp_seal_partitions() RETURNS int AS $$
DECLARE
  r record;
  sealed int := 0;
BEGIN
  FOR r IN SELECT c.relname FROM pg_inherits i
           JOIN pg_class c ON c.oid = i.inhrelid
           JOIN pg_class p ON p.oid = i.inhparent
           JOIN pg_namespace ns ON ns.oid = c.relnamespace
           WHERE ns.nspname = 'public' AND p.relkind = 'p'
             AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
                  OR has_table_privilege('isp_tenant', c.oid, 'SELECT,INSERT,UPDATE,DELETE,TRUNCATE,REFERENCES,TRIGGER')) LOOP
    EXECUTE format('REVOKE ALL ON TABLE %I FROM isp_tenant', r.relname);
    PERFORM isp_protect_tenant_table(r.relname);
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION isp_ensure_partitions(parent text, months_back int, months_ahead int) RETURNS int AS $$
DECLARE
  m date;
  created int := 0;
  part text;
BEGIN
  FOR i IN -months_back..months_ahead LOOP
    m := (date_trunc('month', now()) + make_interval(months => i))::date;
    part := parent || '_' || to_char(m, 'YYYYMM');
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                     part, parent, m::timestamptz, (m + interval '1 month')::timestamptz);
      created := created + 1;
    END IF;
  END LOOP;
  -- A new table receives the default privileges (granted to isp_tenant): take them back at once.
  PERFORM isp_seal_partitions();
  RETURN created;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT isp_seal_partitions();
--> statement-breakpoint
-- Maintenance functions are for the trusted roles only.
REVOKE ALL ON FUNCTION isp_seal_partitions() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION isp_ensure_partitions(text, int, int) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION isp_drop_old_partitions(text, int) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION isp_protect_tenant_table(text, text) FROM PUBLIC;
