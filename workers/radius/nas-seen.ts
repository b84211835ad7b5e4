// Notes the last verified packet of every NAS in memory (per packet: one Map write) and writes the notes
// to nas.last_seen_at every few seconds in one statement. While the database is away the newest notes
// are kept for the next flush.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { markNasSeen, type NasSeen } from "@/lib/services/nas/mark-nas-seen";

export class NasSeenWriter {
  private notes = new Map<string, NasSeen>();
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

  seen(nasId: string, tenantId: string) {
    const note = this.notes.get(nasId);
    if (note) note.at = new Date();
    else this.notes.set(nasId, { nasId, tenantId, at: new Date() });
  }

  async flush() {
    if (this.notes.size === 0) return;
    const batch = [...this.notes.values()];
    this.notes.clear();
    try {
      await markNasSeen(this.db, batch);
    } catch (e) {
      for (const n of batch) if (!this.notes.has(n.nasId)) this.notes.set(n.nasId, n);
      this.log.debug({ err: (e as Error).message }, "could not record when routers were last seen; will retry");
    }
  }
}
