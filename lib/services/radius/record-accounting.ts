// Durable accounting writes, many packets per transaction (group commit): sessions upserted with 64-bit
// cumulative counters, customers' usage advanced by idempotent deltas, stops moved to session_history,
// Accounting-On/Off closing a router's sessions, quota crossings flagged, live events NOTIFYed.
import type { Sql, TransactionSql } from "postgres";
import type { Db } from "@/lib/db/client";
import { enforceQuotaJob } from "@/lib/jobs/catalog";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { pgArray } from "./pg-array";

/** One Accounting-Request, reduced to what is stored; plain JSON so it can be spooled to disk. */
export interface AccountingRecord {
  tenantId: string;
  nasId: string;
  /** 1 Start, 2 Stop, 3 Interim-Update, 7 Accounting-On, 8 Accounting-Off. */
  statusType: number;
  acctSessionId: string;
  username: string;
  customerId: string | null;
  voucherId: string | null;
  framedIp: string | null;
  callingStationId: string | null;
  calledStationId: string | null;
  nasPortId: string | null;
  nasPortType: string | null;
  serviceType: string | null;
  class: string | null;
  /** When the event happened at the router (arrival minus Acct-Delay-Time), ISO 8601. */
  eventTime: string;
  sessionTime: number;
  /** Decimal strings: 64-bit values, gigawords combined. */
  inputOctets: string;
  outputOctets: string;
  inputPackets: number;
  outputPackets: number;
  terminateCause: string | null;
}

export interface QuotaCrossing {
  tenantId: string;
  customerId: string;
  sessionIds: string[];
}

export interface RecordAccountingResult {
  quotaExceeded: QuotaCrossing[];
  sessionsStarted: number;
  sessionsStopped: number;
}

export const ACCT = { Start: 1, Stop: 2, Interim: 3, On: 7, Off: 8 } as const;

interface Collapsed extends AccountingRecord {
  stop: boolean;
  startedAt: string;
}

function keyOf(r: AccountingRecord) {
  return `${r.nasId}\u0000${r.acctSessionId}\u0000${r.username}`;
}

const big = (s: string) => BigInt(s);
const maxStr = (a: string, b: string) => (big(a) >= big(b) ? a : b);

/** Several packets of one session in a batch become one row: the highest counters, the latest details. */
function collapse(records: AccountingRecord[]): Collapsed[] {
  const byKey = new Map<string, Collapsed>();
  for (const r of records) {
    const startedAt = new Date(new Date(r.eventTime).getTime() - r.sessionTime * 1000).toISOString();
    const prev = byKey.get(keyOf(r));
    if (!prev) {
      byKey.set(keyOf(r), { ...r, stop: r.statusType === ACCT.Stop, startedAt });
      continue;
    }
    byKey.set(keyOf(r), {
      ...prev,
      ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)),
      stop: prev.stop || r.statusType === ACCT.Stop,
      startedAt: prev.startedAt < startedAt ? prev.startedAt : startedAt,
      sessionTime: Math.max(prev.sessionTime, r.sessionTime),
      inputOctets: maxStr(prev.inputOctets, r.inputOctets),
      outputOctets: maxStr(prev.outputOctets, r.outputOctets),
      inputPackets: Math.max(prev.inputPackets, r.inputPackets),
      outputPackets: Math.max(prev.outputPackets, r.outputPackets),
      terminateCause: r.terminateCause ?? prev.terminateCause,
      eventTime: r.eventTime > prev.eventTime ? r.eventTime : prev.eventTime,
    } as Collapsed);
  }
  return [...byKey.values()];
}

const UPSERT = `
with input as (
  select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::int[],
                       $16::int8[], $17::int8[], $18::int8[], $19::int8[], $20::bool[])
    as t(tenant_id, nas_id, acct_session_id, username, customer_id, voucher_id, framed_ip, calling_station_id,
         called_station_id, nas_port_id, nas_port_type, service_type, class, started_at, session_time,
         input_octets, output_octets, input_packets, output_packets, is_stop)
),
resolved as (
  select i.*,
         -- Class echoes our own ids; re-check them inside the router's tenant rather than trusting them.
         coalesce((select c.id from customers c where c.tenant_id = i.tenant_id and c.id = i.customer_id),
                  case when i.voucher_id is null then
                    (select c.id from customers c where c.tenant_id = i.tenant_id and lower(c.username) = lower(i.username)) end) as cid,
         (select v.id from vouchers v where v.tenant_id = i.tenant_id and v.id = i.voucher_id) as vid,
         o.id as old_id,
         coalesce(o.input_octets + o.output_octets, 0) as old_bytes,
         coalesce(o.session_time, 0) as old_time
    from input i
    left join sessions o on o.tenant_id = i.tenant_id and o.nas_id = i.nas_id
                        and o.acct_session_id = i.acct_session_id and o.username = i.username
   -- A Stop replayed after its session already moved to history must not resurrect it.
   where not (i.is_stop and o.id is null and exists (
           select 1 from session_history h where h.tenant_id = i.tenant_id and h.nas_id = i.nas_id
              and h.acct_session_id = i.acct_session_id and h.username = i.username))
),
up as (
  insert into sessions as s (tenant_id, nas_id, customer_id, voucher_id, username, acct_session_id, framed_ip,
                             calling_station_id, called_station_id, nas_port_id, nas_port_type, service_type, class,
                             started_at, session_time, input_octets, output_octets, input_packets, output_packets, updated_at)
  select tenant_id, nas_id, cid, vid, username, acct_session_id, framed_ip, calling_station_id, called_station_id,
         nas_port_id, nas_port_type, service_type, class, started_at, session_time, input_octets, output_octets,
         input_packets, output_packets, now()
    from resolved
  on conflict (nas_id, acct_session_id, username) do update set
    customer_id = coalesce(s.customer_id, excluded.customer_id),
    voucher_id = coalesce(s.voucher_id, excluded.voucher_id),
    framed_ip = coalesce(excluded.framed_ip, s.framed_ip),
    calling_station_id = coalesce(excluded.calling_station_id, s.calling_station_id),
    class = coalesce(excluded.class, s.class),
    started_at = least(s.started_at, excluded.started_at),
    session_time = greatest(s.session_time, excluded.session_time),
    input_octets = greatest(s.input_octets, excluded.input_octets),
    output_octets = greatest(s.output_octets, excluded.output_octets),
    input_packets = greatest(s.input_packets, excluded.input_packets),
    output_packets = greatest(s.output_packets, excluded.output_packets),
    updated_at = now()
  returning s.id, s.tenant_id, s.nas_id, s.acct_session_id, s.username, s.customer_id, s.voucher_id, s.framed_ip,
            (s.xmax = 0) as inserted, s.input_octets + s.output_octets as bytes, s.session_time
),
deltas as (
  select up.*, greatest(up.bytes - r.old_bytes, 0) as dbytes, greatest(up.session_time - r.old_time, 0) as dsecs
    from up join resolved r on r.nas_id = up.nas_id and r.acct_session_id = up.acct_session_id and r.username = up.username
),
cust as (
  update customers c
     set used_bytes = c.used_bytes + d.dbytes, used_seconds = c.used_seconds + d.dsecs, online = true, last_seen_at = now()
    from (select tenant_id, customer_id, sum(dbytes)::int8 as dbytes, sum(dsecs)::int8 as dsecs
            from deltas where customer_id is not null group by tenant_id, customer_id) d
   -- A retransmitted or empty interim of an online customer changes nothing: skip the row write.
   where c.tenant_id = d.tenant_id and c.id = d.customer_id and (d.dbytes > 0 or d.dsecs > 0 or not c.online)
  returning c.id, c.tenant_id, c.package_id, c.used_bytes, c.used_seconds, c.quota_exceeded_at
),
vouch as (
  update vouchers v set used_bytes = v.used_bytes + d.dbytes, used_seconds = v.used_seconds + d.dsecs
    from (select tenant_id, voucher_id, sum(dbytes)::int8 as dbytes, sum(dsecs)::int8 as dsecs
            from deltas where voucher_id is not null group by tenant_id, voucher_id) d
   where v.tenant_id = d.tenant_id and v.id = d.voucher_id
  returning v.id
),
ev as (
  select pg_notify('isp_events', json_build_object('type', 'session.started', 'tenantId', tenant_id, 'sessionId', id,
           'nasId', nas_id, 'username', username, 'customerId', customer_id, 'framedIp', framed_ip)::text)
    from up where inserted
),
counts as (select (select count(*) from ev) as started, (select count(*) from vouch) as vouchers)
select counts.started, q.id as customer_id, q.tenant_id
  from counts
  left join (
    select c.id, c.tenant_id from cust c
      join packages p on p.tenant_id = c.tenant_id and p.id = c.package_id
     where c.quota_exceeded_at is null
       and ((p.data_quota_bytes is not null and c.used_bytes >= p.data_quota_bytes)
         or (p.session_time_limit_seconds is not null and c.used_seconds >= p.session_time_limit_seconds))
  ) q on true`;

// Shared tail: rows deleted from sessions (CTE d) go to history, their customers' online flag follows.
const MOVE_TO_HISTORY_TAIL = `
h as (
  insert into session_history (id, tenant_id, nas_id, customer_id, voucher_id, username, acct_session_id, framed_ip,
       calling_station_id, called_station_id, nas_port_id, nas_port_type, service_type, class, started_at, session_time,
       input_octets, output_octets, input_packets, output_packets, stopped_at, terminate_cause)
  select id, tenant_id, nas_id, customer_id, voucher_id, username, acct_session_id, framed_ip, calling_station_id,
         called_station_id, nas_port_id, nas_port_type, service_type, class, started_at, session_time, input_octets,
         output_octets, input_packets, output_packets, greatest(stopped_at, started_at), cause
    from d
  returning id, tenant_id, nas_id, customer_id, username, acct_session_id, terminate_cause, input_octets, output_octets, session_time
),
off as (
  update customers c set online = exists (
      select 1 from sessions s2 where s2.tenant_id = c.tenant_id and s2.customer_id = c.id and s2.id not in (select id from d)),
    last_seen_at = now()
    from (select distinct tenant_id, customer_id from h where customer_id is not null) x
   where c.tenant_id = x.tenant_id and c.id = x.customer_id
  returning c.id
),
ev as (
  select pg_notify('isp_events', json_build_object('type', 'session.stopped', 'tenantId', tenant_id, 'sessionId', id,
           'nasId', nas_id, 'username', username, 'customerId', customer_id, 'terminateCause', terminate_cause,
           'inputOctets', input_octets::text, 'outputOctets', output_octets::text, 'sessionTime', session_time)::text)
    from h
)
select (select count(*) from ev)::int as stopped, (select count(*) from off)::int as customers`;

const STOP = `
with input as (
  select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
    as t(tenant_id, nas_id, acct_session_id, username, cause, stopped_at)
),
d as (
  delete from sessions s using input i
   where s.tenant_id = i.tenant_id and s.nas_id = i.nas_id and s.acct_session_id = i.acct_session_id and s.username = i.username
  returning s.*, i.cause, i.stopped_at
),
${MOVE_TO_HISTORY_TAIL}`;



function stopSql() {
  return STOP;
}

const ROUTER_RESET = `
with d as (
  delete from sessions s where s.tenant_id = $1 and s.nas_id = $2
  returning s.*, $4::text as cause, $3::timestamptz as stopped_at
),
${MOVE_TO_HISTORY_TAIL}`;

type Q = Sql | TransactionSql;

async function writeSegment(sql: Q, records: AccountingRecord[], result: RecordAccountingResult) {
  const rows = collapse(records);
  if (rows.length === 0) return;
  const col = (f: (r: Collapsed) => string | number | null) => pgArray(rows.map(f));
  const upserted = await sql.unsafe(
    UPSERT,
    [
      col((r) => r.tenantId),
      col((r) => r.nasId),
      col((r) => r.acctSessionId),
      col((r) => r.username),
      col((r) => r.customerId),
      col((r) => r.voucherId),
      col((r) => r.framedIp),
      col((r) => r.callingStationId),
      col((r) => r.calledStationId),
      col((r) => r.nasPortId),
      col((r) => r.nasPortType),
      col((r) => r.serviceType),
      col((r) => r.class),
      col((r) => r.startedAt),
      col((r) => r.sessionTime),
      col((r) => r.inputOctets),
      col((r) => r.outputOctets),
      col((r) => String(r.inputPackets)),
      col((r) => String(r.outputPackets)),
      col((r) => (r.stop ? "t" : "f")),
    ],
    { prepare: true },
  );
  result.sessionsStarted += Number(upserted[0]?.started ?? 0);
  const crossed = upserted.filter((r) => r.customer_id).map((r) => ({ tenantId: r.tenant_id as string, customerId: r.customer_id as string }));
  if (crossed.length) {
    // Flag once per period; the enforcement job (throttle or disconnect) is enqueued in this transaction.
    const flagged = await sql.unsafe(
      `update customers c set quota_exceeded_at = now()
         from unnest($1::uuid[], $2::uuid[]) as x(tenant_id, id)
        where c.tenant_id = x.tenant_id and c.id = x.id and c.quota_exceeded_at is null
       returning c.id, c.tenant_id,
         array(select s.id::text from sessions s where s.tenant_id = c.tenant_id and s.customer_id = c.id) as session_ids`,
      [pgArray(crossed.map((c) => c.tenantId)), pgArray(crossed.map((c) => c.customerId))],
      { prepare: true },
    );
    for (const f of flagged) {
      result.quotaExceeded.push({ tenantId: f.tenant_id as string, customerId: f.id as string, sessionIds: f.session_ids as string[] });
    }
  }
  const stops = rows.filter((r) => r.stop);
  if (stops.length) {
    const stopped = await sql.unsafe(
      stopSql(),
      [
        pgArray(stops.map((r) => r.tenantId)),
        pgArray(stops.map((r) => r.nasId)),
        pgArray(stops.map((r) => r.acctSessionId)),
        pgArray(stops.map((r) => r.username)),
        pgArray(stops.map((r) => r.terminateCause ?? "Unknown")),
        pgArray(stops.map((r) => r.eventTime)),
      ],
      { prepare: true },
    );
    result.sessionsStopped += Number(stopped[0]?.stopped ?? 0);
  }
}

/**
 * Store a batch in ONE transaction, in arrival order: Accounting-On/Off split the batch so that sessions
 * started after a router reboot survive it. Only when this resolves may the packets be acknowledged.
 */
export async function recordAccounting(db: Db | Sql, records: readonly AccountingRecord[]): Promise<RecordAccountingResult> {
  const sql = "$client" in db ? db.$client : db;
  const result: RecordAccountingResult = { quotaExceeded: [], sessionsStarted: 0, sessionsStopped: 0 };
  if (records.length === 0) return result;
  await sql.begin(async (tx) => {
    let segment: AccountingRecord[] = [];
    for (const r of records) {
      if (r.statusType === ACCT.On || r.statusType === ACCT.Off) {
        await writeSegment(tx, segment, result);
        segment = [];
        const stopped = await tx.unsafe(
          ROUTER_RESET,
          [r.tenantId, r.nasId, r.eventTime, r.statusType === ACCT.On ? "NAS-Reboot" : "NAS-Request"] as never[],
          { prepare: true },
        );
        result.sessionsStopped += Number(stopped[0]?.stopped ?? 0);
        await tx.unsafe(`update nas set last_seen_at = now(), status = 'ONLINE' where tenant_id = $1 and id = $2`, [r.tenantId, r.nasId], {
          prepare: true,
        });
      } else if (r.statusType === ACCT.Start || r.statusType === ACCT.Stop || r.statusType === ACCT.Interim) {
        segment.push(r);
      }
    }
    await writeSegment(tx, segment, result);
    // Enforcement is enqueued with the flag that asks for it: both commit, or neither. A queue that
    // cannot take it must not cost the accounting itself: the quota sweep sends what was never enforced.
    for (const q of result.quotaExceeded) await tx.savepoint((sp) => enqueueJob(sp, enforceQuotaJob, q)).catch(() => undefined);
  });
  return result;
}
