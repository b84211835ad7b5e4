// Batches radius_log rows and writes them asynchronously (never on the reply path). Drops are rate-
// limited per source and reason so a flood of junk cannot fill the disk; what is suppressed is counted.
// Packets from unknown addresses share ONE window: a spoofed flood from any number of addresses writes a
// sample of at most `unknownDropsPerMinute` rows a minute, plus one summary row of what it suppressed.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { writeRadiusLog, type RadiusLogRow } from "@/lib/services/radius/write-radius-log";
import type { RadiusMetrics } from "./metrics";

export class RadiusLogWriter {
  private queue: RadiusLogRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;
  /** "ip|reason" → [window start, rows written in this window, suppressed]. */
  private dropWindows = new Map<string, [number, number, number]>();
  /** The one window every unknown-source drop shares. */
  private unknownWindow: [number, number, number] = [0, 0, 0];

  constructor(
    private readonly db: Db,
    private readonly metrics: RadiusMetrics,
    private readonly log: Logger,
    private readonly opts = { flushMs: 250, maxQueue: 50_000, dropsPerMinute: 20, unknownDropsPerMinute: 20 },
  ) {}

  /** A packet from an address that is no router of ours: always counted, logged only as a sample. */
  dropUnknown(nasIp: string, reason: string, now = Date.now()) {
    this.metrics.unknownSourceDrops++;
    const w = this.unknownWindow;
    if (now - w[0] > 60_000) this.closeUnknownWindow(now);
    if (w[1] >= this.opts.unknownDropsPerMinute) {
      w[2]++;
      this.metrics.logRowsDropped++;
      return;
    }
    w[1]++;
    this.add({ tenantId: null, routerId: null, nasIp, kind: "AUTH", username: null, outcome: "DROP", reason, latencyMs: null, createdAt: new Date(now) });
  }

  private closeUnknownWindow(now: number) {
    const w = this.unknownWindow;
    if (w[2] > 0) {
      this.add({ tenantId: null, routerId: null, nasIp: "unknown", kind: "AUTH", username: null, outcome: "DROP", reason: `unknown_nas (${w[2]} more suppressed)`, latencyMs: null, createdAt: new Date(now) });
    }
    w[0] = now;
    w[1] = 0;
    w[2] = 0;
  }

  start() {
    this.timer = setInterval(() => void this.flush(), this.opts.flushMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.flush();
  }

  add(row: RadiusLogRow) {
    if (this.queue.length >= this.opts.maxQueue) {
      this.metrics.logRowsDropped++;
      return;
    }
    this.queue.push(row.username && /\u0000/.test(row.username) ? { ...row, username: row.username.replace(/\u0000/g, "") } : row);
  }

  drop(row: Omit<RadiusLogRow, "outcome" | "latencyMs" | "createdAt" | "kind"> & { kind?: RadiusLogRow["kind"] }) {
    const key = `${row.nasIp}|${row.reason}`;
    const now = Date.now();
    let w = this.dropWindows.get(key);
    if (!w || now - w[0] > 60_000) {
      if (w && w[2] > 0) {
        this.add({ ...row, kind: row.kind ?? "AUTH", username: null, outcome: "DROP", reason: `${row.reason} (${w[2]} more suppressed)`, latencyMs: null, createdAt: new Date() });
      }
      if (this.dropWindows.size > 10_000) this.dropWindows.clear();
      w = [now, 0, 0];
      this.dropWindows.set(key, w);
    }
    if (w[1] >= this.opts.dropsPerMinute) {
      w[2]++;
      this.metrics.logRowsDropped++;
      return;
    }
    w[1]++;
    this.add({ ...row, kind: row.kind ?? "AUTH", outcome: "DROP", latencyMs: null, createdAt: new Date() });
  }

  flush(): Promise<void> {
    // A flood that stopped still gets its summary row once its minute is over.
    if (this.unknownWindow[2] > 0 && Date.now() - this.unknownWindow[0] > 60_000) this.closeUnknownWindow(Date.now());
    if (this.flushing || this.queue.length === 0) return this.flushing ?? Promise.resolve();
    const rows = this.queue.splice(0, 5000);
    this.flushing = writeRadiusLog(this.db, rows)
      .catch((e) => {
        // The log is best effort: while the database is away its rows are dropped (and counted).
        this.metrics.logRowsDropped += rows.length;
        this.log.warn({ err: (e as Error).message, rows: rows.length }, "radius_log write failed; rows dropped");
      })
      .finally(() => {
        this.flushing = null;
        if (this.queue.length >= 5000) void this.flush();
      });
    return this.flushing;
  }
}
