// One LISTEN connection per web process, fanned out to subscribers by tenant: an SSE stream registers
// for its own tenant and only ever receives events whose tenantId is that tenant.
import type { Sql } from "postgres";
import { childLogger } from "@/lib/logger";
import { EVENTS_CHANNEL, parseLiveEvent, type LiveEvent } from "./types";

const log = childLogger("events");

export type LiveEventListener = (event: LiveEvent) => void;

export class EventHub {
  private readonly byTenant = new Map<string, Set<LiveEventListener>>();
  private listening: Promise<{ unlisten: () => Promise<void> }> | null = null;
  private dropped = 0;

  constructor(private readonly sql: Sql) {}

  /** Registers a listener for one tenant; the LISTEN connection opens with the first subscriber. */
  async subscribe(tenantId: string, listener: LiveEventListener): Promise<() => void> {
    let set = this.byTenant.get(tenantId);
    if (!set) this.byTenant.set(tenantId, (set = new Set()));
    set.add(listener);
    try {
      await this.ensureListening();
    } catch (e) {
      set.delete(listener);
      throw e;
    }
    return () => {
      const s = this.byTenant.get(tenantId);
      if (!s) return;
      s.delete(listener);
      if (s.size === 0) this.byTenant.delete(tenantId);
    };
  }

  /** Number of live subscribers (for health and tests). */
  get subscriberCount(): number {
    let n = 0;
    for (const s of this.byTenant.values()) n += s.size;
    return n;
  }

  get droppedCount(): number {
    return this.dropped;
  }

  /** Delivers a payload as if it came from NOTIFY (the LISTEN callback; exported for tests). */
  dispatch(payload: string): void {
    const event = parseLiveEvent(payload);
    if (!event) {
      this.dropped++;
      log.warn({ bytes: payload.length }, "dropped a malformed live event");
      return;
    }
    const listeners = this.byTenant.get(event.tenantId);
    if (!listeners) return;
    for (const l of [...listeners]) {
      try {
        l(event);
      } catch (err) {
        log.warn({ err }, "live event listener failed");
      }
    }
  }

  private ensureListening() {
    // postgres.js keeps a dedicated connection for LISTEN and re-listens after it reconnects.
    this.listening ??= this.sql
      .listen(EVENTS_CHANNEL, (payload) => this.dispatch(payload), () => log.info({ channel: EVENTS_CHANNEL }, "listening for live events"))
      .catch((err: unknown) => {
        this.listening = null;
        log.error({ err }, "could not LISTEN for live events");
        throw err;
      });
    return this.listening;
  }

  async close(): Promise<void> {
    const l = this.listening;
    this.listening = null;
    this.byTenant.clear();
    if (l) await (await l).unlisten().catch(() => undefined);
  }
}
