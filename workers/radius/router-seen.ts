// Notes the last verified packet of every router in memory (per packet: one Map write) and writes the notes
// to the routers' last_seen_at every few seconds in one statement. While the database is away the newest notes
// are kept for the next flush.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { markRouterSeen, type RouterSeen } from "@/lib/services/routers/mark-router-seen";

export class RouterSeenWriter {
  /** routerId → the tenant and the time (ms) of its last verified packet. */
  private notes = new Map<string, { tenantId: string; at: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly flushMs = 10_000,
  ) {}

  start() {
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.flush();
  }

  /** On the packet path: one Map lookup, no allocation once the router has a note. */
  seen(routerId: string, tenantId: string) {
    const note = this.notes.get(routerId);
    if (note) note.at = Date.now();
    else this.notes.set(routerId, { tenantId, at: Date.now() });
  }

  async flush() {
    if (this.notes.size === 0) return;
    const batch: RouterSeen[] = [...this.notes].map(([routerId, n]) => ({ routerId, tenantId: n.tenantId, at: new Date(n.at) }));
    this.notes.clear();
    try {
      await markRouterSeen(this.db, batch);
    } catch (e) {
      for (const n of batch) if (!this.notes.has(n.routerId)) this.notes.set(n.routerId, { tenantId: n.tenantId, at: n.at.getTime() });
      this.log.debug({ err: (e as Error).message }, "could not record when routers were last seen; will retry");
    }
  }
}
