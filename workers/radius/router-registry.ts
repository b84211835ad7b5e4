// The router registry the servers consult per packet: an in-memory map by source address, reloaded on
// NOTIFY routers_changed (within a second of a change) and every `reloadMs` as a fallback. The last good list
// is kept sealed on disk, so a worker started while the database is down still knows its routers.
import type { Logger } from "pino";
import { readSealedState, writeSealedState } from "./sealed-state";
import type { Db } from "@/lib/db/client";
import { canonicalIp } from "@/lib/net/ip";
import { loadRouterRegistry, registryFromRows, type RouterEntry, type SealedRouterRow } from "@/lib/services/radius/load-router-registry";
import { ROUTERS_CHANGED_CHANNEL } from "@/lib/services/radius/notify-routers-changed";

export class RouterRegistry {
  private entries = new Map<string, RouterEntry>();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private reloading: Promise<void> | null = null;
  private again = false;
  private listening = false;
  private stopped = false;
  private savedText: string | null = null;
  loadedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly reloadMs = 30_000,
    /** Where the last good registry is kept (sealed), so a restart during an outage still knows its routers. */
    private readonly snapshotFile: string | null = null,
    /** Whether the database is known to be reachable (a start without it does not wait for a load). */
    private readonly online: () => boolean = () => true,
  ) {}

  /** By source address in any spelling (dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d). */
  get(sourceIp: string): RouterEntry | undefined {
    const ip = canonicalIp(sourceIp);
    return ip === null ? undefined : this.entries.get(ip);
  }

  get size() {
    return this.entries.size;
  }

  async start() {
    if (this.online()) await this.reload();
    if (this.loadedAt === 0) {
      await this.loadSnapshot();
      void this.reload();
    }
    this.ensureListening();
    const tick = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.reload().finally(tick), this.entries.size ? this.reloadMs : Math.min(this.reloadMs, 2000));
      this.timer.unref();
    };
    tick();
  }

  /** LISTEN in the background: a database that is down at start must not hold up the servers. */
  private ensureListening() {
    if (this.unlisten || this.listening || this.stopped) return;
    this.listening = true;
    this.db.$client
      .listen(
        ROUTERS_CHANGED_CHANNEL,
        () => void this.reload(),
        // postgres.js re-LISTENs after a reconnect; reload then too, as NOTIFYs may have been missed.
        () => void this.reload(),
      )
      .then(
        (sub) => {
          this.unlisten = sub.unlisten;
          if (this.stopped) void sub.unlisten().catch(() => undefined);
        },
        (e: Error) => this.log.debug({ err: e.message }, "router registry: LISTEN failed; retrying after the next reload"),
      )
      .finally(() => {
        this.listening = false;
      });
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.unlisten?.().catch(() => undefined);
  }

  /** Coalesces bursts of notifications into at most one load in flight plus one after it. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.again = false;
        try {
          const { entries, rows, unreadable, conflicts } = await loadRouterRegistry(this.db);
          this.entries = entries;
          this.loadedAt = Date.now();
          await this.saveSnapshot(rows);
          this.ensureListening();
          for (const u of unreadable) this.log.error({ routerId: u.id, nasIp: u.ipAddress }, "router secret cannot be opened with the configured keys");
          for (const c of conflicts) this.log.error({ routerId: c.id, tenantId: c.tenantId, nasIp: c.ipAddress }, "router address claimed by more than one router; none of them is served");
        } catch (e) {
          // Keep serving with the last good map while the database is away.
          this.log.debug({ err: (e as Error).message }, "router registry reload failed");
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private async saveSnapshot(rows: SealedRouterRow[]) {
    if (!this.snapshotFile) return;
    // Reloads happen every 30 s and on every change: write (and fsync) only when the list changed.
    const text = JSON.stringify(rows);
    if (text === this.savedText) return;
    try {
      await writeSealedState(this.snapshotFile, rows);
      this.savedText = text;
    } catch (e) {
      this.log.warn({ err: (e as Error).message, file: this.snapshotFile }, "router registry snapshot not written");
    }
  }

  private async loadSnapshot() {
    if (!this.snapshotFile) return;
    try {
      const rows = await readSealedState<SealedRouterRow[]>(this.snapshotFile);
      if (!rows) {
        this.log.warn("router registry: database unreachable and no snapshot; packets are dropped until it loads");
        return;
      }
      // Loaded meanwhile from the database: that is newer.
      if (this.loadedAt !== 0) return;
      const { entries, conflicts } = registryFromRows(rows);
      this.entries = entries;
      for (const c of conflicts) this.log.error({ routerId: c.id, tenantId: c.tenantId, nasIp: c.ipAddress }, "router address claimed by more than one router in the snapshot; none of them is served");
      this.log.warn({ routers: entries.size }, "router registry: database unreachable; serving the last snapshot");
    } catch (e) {
      this.log.error({ err: (e as Error).message, file: this.snapshotFile }, "router registry snapshot unreadable");
    }
  }
}
