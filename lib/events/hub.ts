// The web process's shared EventHub, on the process-wide database client (kept across hot reloads).
import { getDb } from "@/lib/db";
import { EventHub } from "./event-hub";

const g = globalThis as unknown as { __ispEventHub?: EventHub };

export function getEventHub(): EventHub {
  g.__ispEventHub ??= new EventHub(getDb().$client);
  return g.__ispEventHub;
}
