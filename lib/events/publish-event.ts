// Publishes a live event with NOTIFY on the shared channel. Inside a transaction PostgreSQL delivers it
// on commit (and never on rollback), so listeners only hear about what really happened.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { EVENTS_CHANNEL, liveEventSchema, type LiveEvent } from "./types";

const MAX_PAYLOAD = 7900; // PostgreSQL refuses NOTIFY payloads of 8000 bytes or more

export async function publishEvent(db: Database, event: LiveEvent): Promise<void> {
  const parsed = liveEventSchema.parse({ at: new Date().toISOString(), ...event });
  let payload = JSON.stringify(parsed);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
    payload = JSON.stringify({ type: parsed.type, tenantId: parsed.tenantId, at: parsed.at, truncated: true });
  }
  await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${payload})`);
}
