// Per-worker authorization cache: (tenant, username) → what decideAccess needs, loaded on demand (misses
// coalesced into one query per batch), invalidated by NOTIFY auth_changed (customer/package triggers,
// drizzle/0006) and by session start/stop events, with a short TTL as a safety net. Clear-text passwords
// live only here, in memory, opened on first use.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { openSecret } from "@/lib/crypto";
import { EVENTS_CHANNEL } from "@/lib/events/types";
import { findAuthSubjects, type AuthKey, type AuthSubject, type PackageFacts } from "@/lib/services/radius/find-auth-subjects";

export const AUTH_CHANGED_CHANNEL = "auth_changed";

export interface CachedSubject {
  /** null: no customer has this username in this tenant (a voucher code or a MAC login, or unknown). */
  readonly subject: AuthSubject | null;
  /** The customer's clear-text password, opened on first use; null when it has none or it cannot be opened. */
  password(): string | null;
}

class Entry implements CachedSubject {
  private plain: string | null | undefined;
  constructor(
    readonly routerId: string,
    readonly subject: AuthSubject | null,
    readonly at: number,
  ) {}
  password(): string | null {
    if (this.plain !== undefined) return this.plain;
    const sealed = this.subject?.passwordSealed;
    if (!sealed) return (this.plain = null);
    try {
      this.plain = openSecret("customer-password", sealed);
    } catch {
      this.plain = null;
    }
    return this.plain;
  }
}

export interface AuthCacheOptions {
  /** Entries kept (least recently used dropped first). */
  maxEntries?: number;
  ttlMs?: number;
  maxInFlight?: number;
  maxBatch?: number;
}

interface Waiter {
  key: AuthKey;
  resolve: (s: CachedSubject) => void;
  reject: (e: Error) => void;
}

// Usernames match case-insensitively (lower(username) is unique), so one customer is one cache entry.
const keyOf = (tenantId: string, username: string) => `${tenantId}\u0000${username.toLowerCase()}`;
const tenantMark = (tenantId: string) => `${tenantId}\u0000*`;

export class AuthCache {
  private entries = new Map<string, Entry>();
  /** One package object per (tenant, package, router verdict), shared by its cached customers (memory). */
  private packages = new Map<string, PackageFacts>();
  private pending: Waiter[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** Invalidation clock: a load started before an invalidation of its key is used once but not stored. */
  private tick = 0;
  private floor = 0;
  private recent = new Map<string, number>();
  /** Channels whose LISTEN is live; entries are stored only while both are (else changes could be missed). */
  private live = new Set<string>();
  private unlisten: (() => Promise<void>)[] = [];
  private retryTimers = new Set<NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  readonly stats = { hits: 0, misses: 0, loads: 0, invalidations: 0 };
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    opts: AuthCacheOptions = {},
  ) {
    this.maxEntries = opts.maxEntries ?? 50_000;
    this.ttlMs = opts.ttlMs ?? 30_000;
    this.maxInFlight = opts.maxInFlight ?? 3;
    this.maxBatch = opts.maxBatch ?? 1000;
  }

  get size() {
    return this.entries.size;
  }

  get caching() {
    return this.live.size === 2;
  }

  /** LISTENs in the background: a database that is down at start must not hold up the servers. */
  start() {
    this.stopped = false;
    // Expired entries would otherwise sit in memory until their user logs in again.
    this.sweepTimer = setInterval(() => this.sweep(), this.ttlMs);
    this.sweepTimer.unref();
    void this.listen(AUTH_CHANGED_CHANNEL, (p) => this.onAuthChanged(p));
    void this.listen(EVENTS_CHANNEL, (p) => this.onEvent(p));
  }

  async stop() {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    for (const t of this.retryTimers) clearTimeout(t);
    this.retryTimers.clear();
    this.live.clear();
    this.clear();
    // UNLISTEN needs the database; do not hang a shutdown on one that is gone.
    const unlistened = Promise.all(this.unlisten.splice(0).map((u) => u().catch(() => undefined)));
    await Promise.race([unlistened, new Promise((r) => setTimeout(r, 2000).unref())]);
  }

  private async listen(channel: string, onNotify: (payload: string) => void) {
    try {
      const sub = await this.db.$client.listen(channel, onNotify, () => {
        // First LISTEN and every re-LISTEN after a reconnect: anything may have changed meanwhile.
        this.clear();
        if (!this.stopped) this.live.add(channel);
      });
      this.unlisten.push(async () => {
        this.live.delete(channel);
        await sub.unlisten();
      });
      if (this.stopped) {
        this.live.delete(channel);
        await sub.unlisten().catch(() => undefined);
      }
    } catch (e) {
      // Without LISTEN nothing is cached (every request reads the database); try again shortly.
      this.log.debug({ err: (e as Error).message, channel }, "auth cache: LISTEN failed; retrying");
      if (!this.stopped) {
        const timer = setTimeout(() => {
          this.retryTimers.delete(timer);
          void this.listen(channel, onNotify);
        }, 5000);
        timer.unref();
        this.retryTimers.add(timer);
      }
    }
  }

  /** '<tenant>:<username>' for one customer, '<tenant>' for all of a tenant. */
  onAuthChanged(payload: string) {
    const i = payload.indexOf(":");
    if (i < 0) this.invalidateTenant(payload);
    else this.invalidate(payload.slice(0, i), payload.slice(i + 1));
  }

  /** Session starts and stops change open-session counts and usage. */
  private onEvent(payload: string) {
    if (!payload.includes('"session.st')) return;
    let e: { type?: string; tenantId?: string; username?: unknown };
    try {
      e = JSON.parse(payload) as typeof e;
    } catch {
      return;
    }
    if ((e.type !== "session.started" && e.type !== "session.stopped") || typeof e.tenantId !== "string") return;
    if (typeof e.username === "string") this.invalidate(e.tenantId, e.username);
    else this.invalidateTenant(e.tenantId);
  }

  invalidate(tenantId: string, username: string) {
    this.stats.invalidations++;
    const key = keyOf(tenantId, username);
    this.tick++;
    this.entries.delete(key);
    this.remember(key);
  }

  invalidateTenant(tenantId: string) {
    this.stats.invalidations++;
    this.tick++;
    const prefix = `${tenantId}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
    for (const key of this.packages.keys()) if (key.startsWith(prefix)) this.packages.delete(key);
    this.remember(tenantMark(tenantId));
  }

  sweep(now = Date.now()) {
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
  }

  clear() {
    this.tick++;
    this.entries.clear();
    this.packages.clear();
    this.recent.clear();
    this.floor = this.tick;
  }

  private remember(key: string) {
    if (this.inFlight === 0) return;
    if (this.recent.size >= 10_000) {
      this.recent.clear();
      this.floor = this.tick;
    } else this.recent.set(key, this.tick);
  }

  private storable(key: AuthKey, startedAt: number): boolean {
    if (!this.caching || startedAt < this.floor) return false;
    return (this.recent.get(keyOf(key.tenantId, key.username)) ?? -1) < startedAt && (this.recent.get(tenantMark(key.tenantId)) ?? -1) < startedAt;
  }

  get(key: AuthKey): Promise<CachedSubject> {
    const k = keyOf(key.tenantId, key.username);
    const hit = this.entries.get(k);
    if (hit) {
      // One customer is almost always seen through one router; another router re-reads (router restrictions).
      if (hit.routerId === key.routerId && Date.now() - hit.at < this.ttlMs) {
        this.stats.hits++;
        this.entries.delete(k);
        this.entries.set(k, hit);
        return Promise.resolve(hit);
      }
      this.entries.delete(k);
    }
    this.stats.misses++;
    return new Promise((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush() {
    while (this.pending.length && this.inFlight < this.maxInFlight) {
      const batch = this.pending.splice(0, this.maxBatch);
      const startedAt = this.tick;
      this.inFlight++;
      this.stats.loads++;
      this.load(batch.map((w) => w.key))
        .then(
          (subjects) => batch.forEach((w, i) => w.resolve(this.settle(w.key, subjects[i], startedAt))),
          (e: Error) => {
            // One bad key must not fail its neighbours: retry each on its own (uncached: these finish
            // outside the invalidation window tracked for this batch).
            if (batch.length === 1) return batch[0].reject(e);
            for (const w of batch) this.load([w.key]).then((s) => w.resolve(this.settle(w.key, s[0], -1)), w.reject);
          },
        )
        .finally(() => {
          this.inFlight--;
          if (this.inFlight === 0) this.recent.clear();
          this.schedule();
        });
    }
  }

  protected load(keys: AuthKey[]): Promise<(AuthSubject | null)[]> {
    return findAuthSubjects(this.db, keys);
  }

  private settle(key: AuthKey, loaded: AuthSubject | null, startedAt: number): CachedSubject {
    if (!this.storable(key, startedAt)) return new Entry(key.routerId, loaded, Date.now());
    const pkg = loaded?.package;
    if (loaded && pkg) {
      const pk = `${loaded.tenantId}\u0000${pkg.id}\u0000${pkg.routerAllowed ? 1 : 0}`;
      const shared = this.packages.get(pk);
      if (shared) loaded.package = shared;
      else if (this.packages.size < 10_000) this.packages.set(pk, pkg);
    }
    const entry = new Entry(key.routerId, loaded, Date.now());
    const k = keyOf(key.tenantId, key.username);
    this.entries.delete(k);
    this.entries.set(k, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return entry;
  }
}

/** One looked-up subject in the cache's shape (its password opened on first use), not stored anywhere. */
export function cachedSubject(routerId: string, subject: AuthSubject | null): CachedSubject {
  return new Entry(routerId, subject, Date.now());
}
