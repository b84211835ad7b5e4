// Notes the last verified packet of every NAS in memory (per packet: one Map write) and writes the notes
// to nas.last_seen_at every few seconds in one statement. While the database is away the newest notes
// are kept for the next flush.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { markNasSeen, type NasSeen } from "@/lib/services/nas/mark-nas-seen";

export class NasSeenWriter {
  /** nasId → the tenant and the time (ms) of its last verified packet. */
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

  /** On the packet path: one Map lookup, no allocation once the NAS has a note. */
  seen(nasId: string, tenantId: string) {
    const note = this.notes.get(nasId);
    if (note) note.at = Date.now();
    else this.notes.set(nasId, { tenantId, at: Date.now() });
  }

  async flush() {
    if (this.notes.size === 0) return;
    const batch: NasSeen[] = [...this.notes].map(([nasId, n]) => ({ nasId, tenantId: n.tenantId, at: new Date(n.at) }));
    this.notes.clear();
    try {
      await markNasSeen(this.db, batch);
    } catch (e) {
      for (const n of batch) if (!this.notes.has(n.nasId)) this.notes.set(n.nasId, { tenantId: n.tenantId, at: n.at.getTime() });
      this.log.debug({ err: (e as Error).message }, "could not record when routers were last seen; will retry");
    }
  }
}
