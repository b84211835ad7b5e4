// Appends RADIUS log rows in one statement (the worker batches them); auth rejects also go out as live
// events. Rows never contain a password: callers pass only user, outcome and reason.
import type { Sql } from "postgres";
import type { Db } from "@/lib/db/client";
import { pgArray } from "./pg-array";

export interface RadiusLogRow {
  tenantId: string | null;
  routerId: string | null;
  nasIp: string;
  kind: "AUTH" | "ACCT" | "STATUS";
  username: string | null;
  outcome: "ACCEPT" | "REJECT" | "DROP" | "OK";
  reason: string | null;
  latencyMs: number | null;
  createdAt: Date;
}

export async function writeRadiusLog(db: Db | Sql, rows: readonly RadiusLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const sql = "$client" in db ? db.$client : db;
  await sql.unsafe(
    `with input as (
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::timestamptz[])
         as t(tenant_id, nas_id, nas_ip, kind, username, outcome, reason, latency_ms, created_at)
     ),
     ins as (
       insert into radius_log (tenant_id, nas_id, nas_ip, kind, username, outcome, reason, latency_ms, created_at)
       select * from input returning 1
     ),
     ev as (
       select pg_notify('isp_events', json_build_object('type', 'auth.rejected', 'tenantId', tenant_id, 'nasId', nas_id,
                'username', username, 'reason', reason, 'at', created_at)::text)
         from input where outcome = 'REJECT' and tenant_id is not null limit 100
     )
     select (select count(*) from ins)::int as n, (select count(*) from ev)::int as e`,
    [
      pgArray(rows.map((r) => r.tenantId)),
      pgArray(rows.map((r) => r.routerId)),
      pgArray(rows.map((r) => r.nasIp)),
      pgArray(rows.map((r) => r.kind)),
      pgArray(rows.map((r) => r.username)),
      pgArray(rows.map((r) => r.outcome)),
      pgArray(rows.map((r) => r.reason)),
      pgArray(rows.map((r) => r.latencyMs)),
      pgArray(rows.map((r) => r.createdAt.toISOString())),
    ],
    { prepare: true },
  );
}
