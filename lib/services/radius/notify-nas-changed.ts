// Tells every running RADIUS worker to reload its NAS registry (secret, address or MA policy changed).
// Call it inside the transaction that changed the nas row: PostgreSQL delivers NOTIFY at commit.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

export const NAS_CHANGED_CHANNEL = "nas_changed";

export async function notifyNasChanged(db: Database, input: { tenantId: string; nasId?: string }): Promise<void> {
  const payload = JSON.stringify({ tenantId: input.tenantId, nasId: input.nasId ?? null });
  await db.execute(sql`select pg_notify(${NAS_CHANGED_CHANNEL}, ${payload})`);
}
