-- Customer search through the trigram index under row-level security. Policies make ILIKE (not
-- leakproof) unusable as an index condition for isp_tenant, so a search would read every row of the
-- tenant; this function runs as the owner, is limited to one tenant, and refuses any tenant other
-- than the one the transaction is bound to (app.tenant_id), so the RLS wall still holds.
CREATE OR REPLACE FUNCTION isp_customer_search_ids(p_tenant uuid, p_pattern text)
RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public
ROWS 200
AS $$
  SELECT c.id FROM customers c
  WHERE c.tenant_id = p_tenant
    AND (c.name || ' ' || c.username || ' ' || coalesce(c.phone, '')) ILIKE p_pattern
    AND coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, p_tenant) = p_tenant
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION isp_customer_search_ids(uuid, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION isp_customer_search_ids(uuid, text) TO isp_tenant;
