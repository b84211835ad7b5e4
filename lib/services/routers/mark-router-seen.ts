// A router is online while it talks to us: the RADIUS worker notes when each router last sent a packet that
// passed verification, and writes the notes here in one statement. The dashboard's "routers online" and
// the router list read last_seen_at. A note never moves the time back.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { pgArray } from "@/lib/services/radius/pg-array";

export interface RouterSeen {
  routerId: string;
  tenantId: string;
  at: Date;
}

export async function markRouterSeen(db: Database, seen: readonly RouterSeen[]): Promise<void> {
  if (seen.length === 0) return;
  await db.execute(sql`
    update nas as r set last_seen_at = v.at
      from unnest(${pgArray(seen.map((s) => s.routerId))}::uuid[], ${pgArray(seen.map((s) => s.tenantId))}::uuid[],
                  ${pgArray(seen.map((s) => s.at.toISOString()))}::timestamptz[]) as v(id, tenant_id, at)
     where r.id = v.id and r.tenant_id = v.tenant_id and (r.last_seen_at is null or r.last_seen_at < v.at)`);
}
