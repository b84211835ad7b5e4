// Authorisation from saved state while PostgreSQL is away. While the database is up, the most recently
// active customers and the vouchers in use are written every few minutes to one sealed file under
// DATA_DIR (lib/crypto's AES-256-GCM; customers' passwords stay sealed inside it too). While it is down,
// the file is opened on first need and answers lookups; the memory is released when the database returns.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { findAuthSnapshot, type AuthSnapshotRows } from "@/lib/services/radius/find-auth-snapshot";
import { customerOf, voucherOf, type AuthKey, type AuthSubject, type Row } from "@/lib/services/radius/find-auth-subjects";
import { canonicalMac } from "@/lib/net/mac";
import { radiusSettingsFrom, type RadiusSettings } from "@/lib/services/radius/get-radius-settings";
import { cachedSubject, type CachedSubject } from "./auth-cache";
import { readSealedState, writeSealedState } from "./sealed-state";

export interface AuthSnapshotOptions {
  /** Customers kept, most recently seen first (default 20,000). */
  maxCustomers?: number;
  /** Vouchers in use kept, most recently used first (default 10,000). */
  maxVouchers?: number;
  /** How often the file is rewritten while the database is up (default 5 min). */
  refreshMs?: number;
  /** The first write after start (default 15 s, so a start under load is not slowed). */
  firstRefreshMs?: number;
}

interface SavedFile extends AuthSnapshotRows {
  version: 1;
  takenAt: string;
}

interface Loaded {
  takenAt: string;
  customers: Map<string, Row>;
  byMac: Map<string, Row>;
  vouchers: Map<string, Row>;
  packages: Map<string, Row>;
  settings: Map<string, RadiusSettings>;
}

const keyOf = (tenantId: string, name: string) => `${tenantId}\u0000${name}`;

/** The request's subject is not in the saved state: nothing is known, so the request gets no answer. */
export class NotInSnapshot extends Error {
  constructor() {
    super("not in the saved authorisation snapshot");
    this.name = "NotInSnapshot";
  }
}

export class AuthSnapshot {
  private loaded: Promise<Loaded | null> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | null = null;
  private stopped = false;
  readonly stats = { writes: 0, lastWriteAt: null as string | null, subjects: 0, bytes: 0, lookups: 0, misses: 0 };
  private readonly opts: Required<AuthSnapshotOptions>;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    readonly file: string,
    private readonly online: () => boolean,
    opts: AuthSnapshotOptions = {},
  ) {
    this.opts = { maxCustomers: 20_000, maxVouchers: 10_000, refreshMs: 300_000, firstRefreshMs: 15_000, ...opts };
  }

  start() {
    this.stopped = false;
    const tick = (ms: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.refresh().finally(() => tick(this.opts.refreshMs)), ms);
      this.timer.unref();
    };
    tick(this.opts.firstRefreshMs);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.refreshing;
    this.loaded = null;
  }

  /** Writes the file from the database now (skipped while it is down: the last good file stays). */
  refresh(): Promise<void> {
    if (!this.online()) return Promise.resolve();
    this.refreshing ??= (async () => {
      try {
        const rows = await findAuthSnapshot(this.db, { maxCustomers: this.opts.maxCustomers, maxVouchers: this.opts.maxVouchers });
        const saved: SavedFile = { version: 1, takenAt: new Date().toISOString(), ...rows };
        this.stats.bytes = await writeSealedState(this.file, saved);
        this.stats.writes++;
        this.stats.lastWriteAt = saved.takenAt;
        this.stats.subjects = rows.customers.length + rows.vouchers.length;
        this.loaded = null;
      } catch (e) {
        this.log.warn({ err: (e as Error).message, file: this.file }, "RADIUS authorisation snapshot not written");
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The database is back: the live path answers, the saved state leaves memory. */
  release() {
    this.loaded = null;
  }

  private load(): Promise<Loaded | null> {
    this.loaded ??= readSealedState<SavedFile>(this.file).then(
      (saved) => {
        if (!saved || saved.version !== 1) {
          this.log.warn({ file: this.file }, "no RADIUS authorisation snapshot: requests get no answer until the database returns");
          return null;
        }
        const loaded: Loaded = { takenAt: saved.takenAt, customers: new Map(), byMac: new Map(), vouchers: new Map(), packages: new Map(), settings: new Map() };
        for (const p of saved.packages) loaded.packages.set(p.p_id as string, p);
        for (const r of saved.customers) {
          loaded.customers.set(keyOf(r.tenant_id as string, r.username as string), r);
          const mac = canonicalMac(r.mac_address as string | null);
          if (mac && !loaded.byMac.has(keyOf(r.tenant_id as string, mac))) loaded.byMac.set(keyOf(r.tenant_id as string, mac), r);
        }
        for (const r of saved.vouchers) loaded.vouchers.set(keyOf(r.tenant_id as string, r.code as string), r);
        const byTenant = new Map<string, { key: string; value: unknown }[]>();
        for (const s of saved.settings) byTenant.set(s.tenant_id, [...(byTenant.get(s.tenant_id) ?? []), s]);
        for (const [tenantId, rows] of byTenant) loaded.settings.set(tenantId, radiusSettingsFrom(rows));
        this.log.warn({ takenAt: saved.takenAt, customers: saved.customers.length, vouchers: saved.vouchers.length }, "database unreachable: authorising from the saved snapshot");
        return loaded;
      },
      (e: Error) => {
        this.log.error({ err: e.message, file: this.file }, "RADIUS authorisation snapshot cannot be opened");
        this.loaded = null;
        return null;
      },
    );
    return this.loaded;
  }

  private async saved(): Promise<Loaded> {
    this.stats.lookups++;
    const loaded = await this.load();
    if (!loaded) throw new NotInSnapshot();
    return loaded;
  }

  /** A customer by username (subject null when the snapshot has none by that name). */
  async customer(key: AuthKey): Promise<CachedSubject> {
    const saved = await this.saved();
    const r = withPackage(saved, saved.customers.get(keyOf(key.tenantId, key.username)));
    return cachedSubject(key.routerId, r ? forRouter(customerOf(r), r, key.routerId) : null);
  }

  async voucher(key: AuthKey): Promise<AuthSubject | null> {
    const saved = await this.saved();
    const r = withPackage(saved, saved.vouchers.get(keyOf(key.tenantId, key.username)));
    return r ? forRouter(voucherOf(r), r, key.routerId) : null;
  }

  async byMac(key: AuthKey, mac: string): Promise<AuthSubject | null> {
    const saved = await this.saved();
    const r = withPackage(saved, saved.byMac.get(keyOf(key.tenantId, mac)));
    return r ? forRouter(customerOf(r), r, key.routerId) : null;
  }

  async settings(tenantId: string): Promise<RadiusSettings> {
    return (await this.saved()).settings.get(tenantId) ?? radiusSettingsFrom([]);
  }

  miss(): never {
    this.stats.misses++;
    throw new NotInSnapshot();
  }
}

/** A saved customer or voucher row with its package's columns (packages are saved once, by id). */
function withPackage(saved: Loaded, r: Row | undefined): Row | undefined {
  if (!r) return undefined;
  const p = r.p_id ? saved.packages.get(r.p_id as string) : undefined;
  // A package that went away since: the row reads as "no package".
  return p ? { ...r, ...p } : { ...r, p_id: null };
}

/** The package's router limit for the router asking (the snapshot keeps the list, not one verdict). */
function forRouter(subject: AuthSubject, r: Row, routerId: string): AuthSubject {
  if (subject.package) subject.package.routerAllowed = Boolean(r.all_routers) || ((r.router_ids as string[] | null) ?? []).includes(routerId);
  return subject;
}
