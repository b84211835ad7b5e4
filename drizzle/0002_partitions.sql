-- History tables grow without bound: make them range-partitioned by month, so old months are dropped
-- whole (retention) and queries on recent data touch only recent partitions.
CREATE OR REPLACE FUNCTION isp_partition_by_month(parent text, part_col text) RETURNS void AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I RENAME TO %I', parent, parent || '_unpartitioned');
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) PARTITION BY RANGE (%I)',
                 parent, parent || '_unpartitioned', part_col);
  EXECUTE format('DROP TABLE %I', parent || '_unpartitioned');
  EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', parent || '_default', parent);
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT isp_partition_by_month('session_history', 'stopped_at');
--> statement-breakpoint
SELECT isp_partition_by_month('radius_log', 'created_at');
--> statement-breakpoint
SELECT isp_partition_by_month('nas_metrics', 'recorded_at');
--> statement-breakpoint
DROP FUNCTION isp_partition_by_month(text, text);
--> statement-breakpoint
-- Creates the monthly partitions from months_back before to months_ahead after now (idempotent).
-- The worker calls it daily; rows outside every range land in the DEFAULT partition.
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
  RETURN created;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Drops monthly partitions that end before now() - keep_months (retention).
CREATE OR REPLACE FUNCTION isp_drop_old_partitions(parent text, keep_months int) RETURNS int AS $$
DECLARE
  r record;
  dropped int := 0;
  cutoff text := to_char(date_trunc('month', now()) - make_interval(months => keep_months), 'YYYYMM');
BEGIN
  FOR r IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = parent
           AND c.relname ~ ('^' || parent || '_[0-9]{6}$') LOOP
    IF right(r.relname, 6) < cutoff THEN
      EXECUTE format('DROP TABLE %I', r.relname);
      dropped := dropped + 1;
    END IF;
  END LOOP;
  RETURN dropped;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT isp_ensure_partitions('session_history', 12, 3);
--> statement-breakpoint
SELECT isp_ensure_partitions('radius_log', 1, 3);
--> statement-breakpoint
SELECT isp_ensure_partitions('nas_metrics', 1, 3);
