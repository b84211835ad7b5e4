// A router is online while it talks to us: the RADIUS worker notes when each NAS last sent a packet that
// passed verification, and writes the notes here in one statement. The dashboard's "routers online" and
// the router list read last_seen_at. A note never moves the time back.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { pgArray } from "@/lib/services/radius/pg-array";

export interface NasSeen {
  nasId: string;
  tenantId: string;
  at: Date;
}

export async function markNasSeen(db: Database, seen: readonly NasSeen[]): Promise<void> {
  if (seen.length === 0) return;
  await db.execute(sql`
    update nas set last_seen_at = v.at
      from unnest(${pgArray(seen.map((s) => s.nasId))}::uuid[], ${pgArray(seen.map((s) => s.tenantId))}::uuid[],
                  ${pgArray(seen.map((s) => s.at.toISOString()))}::timestamptz[]) as v(id, tenant_id, at)
     where nas.id = v.id and nas.tenant_id = v.tenant_id and (nas.last_seen_at is null or nas.last_seen_at < v.at)`);
}
