// Moves open sessions to history with a terminate cause (Admin-Reset after a Disconnect, Stale after
// silence) and refreshes the customers' online flag. Rows already closed by accounting are skipped.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { publishEvent } from "@/lib/events/publish-event";

export interface CloseSessionsInput {
  tenantId: string;
  sessionIds: string[];
  terminateCause: string;
  /** "now" for a disconnect; "last-update" for sessions we stopped hearing about. */
  stoppedAt?: "now" | "last-update";
}

export interface ClosedSession {
  id: string;
  customerId: string | null;
  username: string;
}

export async function closeSessions(db: Database, input: CloseSessionsInput): Promise<ClosedSession[]> {
  if (input.sessionIds.length === 0) return [];
  const stoppedAt = input.stoppedAt === "last-update" ? sql`m.updated_at` : sql`now()`;
  const ids = sql`array[${sql.join(input.sessionIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  return db.transaction(async (tx) => {
    const moved = await tx.execute<{ id: string; customer_id: string | null; username: string }>(sql`
      with m as (
        delete from sessions where tenant_id = ${input.tenantId} and id = any(${ids}) returning *
      ), h as (
        insert into session_history (id, tenant_id, nas_id, customer_id, voucher_id, username, acct_session_id, framed_ip,
          calling_station_id, called_station_id, nas_port_id, nas_port_type, service_type, class, started_at, session_time,
          input_octets, output_octets, input_packets, output_packets, stopped_at, terminate_cause)
        select m.id, m.tenant_id, m.nas_id, m.customer_id, m.voucher_id, m.username, m.acct_session_id, m.framed_ip,
          m.calling_station_id, m.called_station_id, m.nas_port_id, m.nas_port_type, m.service_type, m.class, m.started_at,
          greatest(m.session_time, extract(epoch from (${stoppedAt} - m.started_at))::int),
          m.input_octets, m.output_octets, m.input_packets, m.output_packets, greatest(${stoppedAt}, m.started_at), ${input.terminateCause}
        from m
      )
      select id, customer_id, username from m`);
    const customerIds = [...new Set(moved.map((r) => r.customer_id).filter((c): c is string => c !== null))];
    if (customerIds.length > 0) {
      // A separate statement: inside the CTE above the deleted rows would still be visible.
      await tx.execute(sql`
        update customers c set online = exists (select 1 from sessions s where s.tenant_id = c.tenant_id and s.customer_id = c.id),
          last_seen_at = now()
        where c.tenant_id = ${input.tenantId} and c.id = any(array[${sql.join(customerIds.map((id) => sql`${id}`), sql`, `)}]::uuid[])`);
    }
    // Live dashboards refresh on these; a mass close (a router's sessions) is one summary event.
    if (moved.length > 0 && moved.length <= 20) {
      for (const r of moved) {
        await publishEvent(tx, { type: "session.stopped", tenantId: input.tenantId, sessionId: r.id, customerId: r.customer_id, username: r.username, reason: input.terminateCause });
      }
    } else if (moved.length > 20) {
      await publishEvent(tx, { type: "session.stopped", tenantId: input.tenantId, count: moved.length, reason: input.terminateCause });
    }
    return moved.map((r) => ({ id: r.id, customerId: r.customer_id, username: r.username }));
  });
}
