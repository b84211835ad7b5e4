// Tells every running RADIUS worker to reload its router registry (secret, address or MA policy changed).
// Call it inside the transaction that changed the router row: PostgreSQL delivers NOTIFY at commit.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

export const ROUTERS_CHANGED_CHANNEL = "routers_changed";

export async function notifyRoutersChanged(db: Database, input: { tenantId: string; routerId?: string }): Promise<void> {
  const payload = JSON.stringify({ tenantId: input.tenantId, routerId: input.routerId ?? null });
  await db.execute(sql`select pg_notify(${ROUTERS_CHANGED_CHANNEL}, ${payload})`);
}
