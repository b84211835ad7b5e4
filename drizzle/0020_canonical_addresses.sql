-- One canonical form for addresses (the same as lib/net/ip.ts and lib/net/mac.ts), so that a second
-- spelling of an address (::ffff:10.0.0.1, 2001:0DB8::0001, aa-bb-cc-dd-ee-ff) is the same text and the
-- unique indexes hold. Existing rows are rewritten; rows that now collide are resolved deterministically
-- (the earliest keeps the value) and each change is written to the owning tenant's audit log.

-- IPv4 dotted decimal; an IPv4-mapped IPv6 address becomes its IPv4 address; other IPv6 as host(inet)
-- prints it (lower-case, RFC 5952 compression). NULL when the text is not exactly one address.
CREATE OR REPLACE FUNCTION net_canonical_ip(a text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  i inet;
BEGIN
  IF a !~ '^\s*[0-9A-Fa-f:.]+\s*$' THEN
    RETURN NULL;
  END IF;
  BEGIN
    i := btrim(a)::inet;
  EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
  END;
  IF masklen(i) <> (CASE family(i) WHEN 4 THEN 32 ELSE 128 END) THEN
    RETURN NULL;
  END IF;
  IF family(i) = 6 AND i << '::ffff:0.0.0.0/96'::inet THEN
    RETURN host('0.0.0.0'::inet + (i - '::ffff:0.0.0.0'::inet));
  END IF;
  RETURN host(i);
END $$;--> statement-breakpoint

CREATE FUNCTION pg_temp.canonical_mac(a text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN btrim(a) ~* '^[0-9a-f]{2}([:. -]?)[0-9a-f]{2}(\1[0-9a-f]{2}){4}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$'
    THEN regexp_replace(upper(regexp_replace(btrim(a), '[^0-9A-Fa-f]', '', 'g')), '(..)(?!$)', '\1:', 'g') END
$$;--> statement-breakpoint

-- Routers: an address is unique on the whole installation. A later registration of an address another
-- router already has (in any spelling) is parked on a discard-only address (RFC 6666, 100::/64) made
-- from its id, so it stops receiving anyone's traffic; its owner sees the change in the audit log.
WITH ranked AS (
  SELECT id, tenant_id, ip_address,
         row_number() OVER (PARTITION BY coalesce(net_canonical_ip(ip_address), ip_address) ORDER BY created_at, id) AS n
    FROM nas
), parked AS (
  UPDATE nas SET ip_address = net_canonical_ip('100::' || substr(h, 17, 4) || ':' || substr(h, 21, 4) || ':' || substr(h, 25, 4) || ':' || substr(h, 29, 4)),
                 updated_at = now()
    FROM (SELECT r.id, r.ip_address AS old_ip, replace(r.id::text, '-', '') AS h FROM ranked r WHERE r.n > 1) d
   WHERE nas.id = d.id
  RETURNING nas.id, nas.tenant_id, d.old_ip, nas.ip_address AS new_ip
)
INSERT INTO audit_log (tenant_id, actor_label, action, target_type, target_id, before, after)
SELECT tenant_id, 'migration', 'nas.address.parked', 'nas', id::text,
       jsonb_build_object('ipAddress', old_ip),
       jsonb_build_object('ipAddress', new_ip, 'reason', 'Another router already uses this address; enter this router''s real address again')
  FROM parked;--> statement-breakpoint
UPDATE nas SET ip_address = net_canonical_ip(ip_address) WHERE net_canonical_ip(ip_address) IS DISTINCT FROM ip_address AND net_canonical_ip(ip_address) IS NOT NULL;--> statement-breakpoint

UPDATE customers SET static_ip = net_canonical_ip(static_ip) WHERE static_ip IS NOT NULL AND net_canonical_ip(static_ip) IS DISTINCT FROM static_ip AND net_canonical_ip(static_ip) IS NOT NULL;--> statement-breakpoint
UPDATE ip_pools SET range_start = coalesce(net_canonical_ip(range_start), range_start), range_end = coalesce(net_canonical_ip(range_end), range_end),
                    gateway = coalesce(net_canonical_ip(gateway), gateway)
 WHERE net_canonical_ip(range_start) IS DISTINCT FROM range_start OR net_canonical_ip(range_end) IS DISTINCT FROM range_end OR net_canonical_ip(gateway) IS DISTINCT FROM gateway;--> statement-breakpoint
UPDATE ip_assignments SET ip = net_canonical_ip(ip) WHERE net_canonical_ip(ip) IS DISTINCT FROM ip AND net_canonical_ip(ip) IS NOT NULL;--> statement-breakpoint

-- MACs: canonical; text that is no MAC never matched a login, so it is cleared (as unbound, which it was).
UPDATE vouchers SET mac_address = pg_temp.canonical_mac(mac_address) WHERE mac_address IS NOT NULL AND pg_temp.canonical_mac(mac_address) IS DISTINCT FROM mac_address;--> statement-breakpoint
UPDATE customers SET mac_address = pg_temp.canonical_mac(mac_address) WHERE mac_address IS NOT NULL AND pg_temp.canonical_mac(mac_address) IS DISTINCT FROM mac_address;--> statement-breakpoint
-- A MAC binds one customer per tenant: later customers bound to the same MAC are unbound.
WITH ranked AS (
  SELECT id, tenant_id, mac_address, row_number() OVER (PARTITION BY tenant_id, mac_address ORDER BY created_at, id) AS n
    FROM customers WHERE mac_address IS NOT NULL
), unbound AS (
  UPDATE customers c SET mac_address = NULL, updated_at = now() FROM ranked r WHERE c.id = r.id AND r.n > 1
  RETURNING c.id, c.tenant_id, r.mac_address
)
INSERT INTO audit_log (tenant_id, actor_label, action, target_type, target_id, before, after)
SELECT tenant_id, 'migration', 'customer.mac.unbound', 'customer', id::text, jsonb_build_object('macAddress', mac_address),
       jsonb_build_object('macAddress', NULL, 'reason', 'Another customer is bound to this MAC address')
  FROM unbound;--> statement-breakpoint

-- Usernames are unique case-insensitively: a later JANE.W beside jane.w is renamed (its login changes).
WITH ranked AS (
  SELECT id, tenant_id, username, row_number() OVER (PARTITION BY tenant_id, lower(username) ORDER BY created_at, id) AS n
    FROM customers
), renamed AS (
  UPDATE customers c SET username = r.username || '.dup-' || left(r.id::text, 8), updated_at = now() FROM ranked r WHERE c.id = r.id AND r.n > 1
  RETURNING c.id, c.tenant_id, r.username AS old_username, c.username AS new_username
)
INSERT INTO audit_log (tenant_id, actor_label, action, target_type, target_id, before, after)
SELECT tenant_id, 'migration', 'customer.username.renamed', 'customer', id::text, jsonb_build_object('username', old_username),
       jsonb_build_object('username', new_username, 'reason', 'Another customer has the same username in different case')
  FROM renamed;
