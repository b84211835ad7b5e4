// RADIUS authentication and accounting servers (UDP). Composed into the worker by workers/main.ts.
import fs from "node:fs";
import path from "node:path";
import type { WorkerContext } from "../core/context";
import type { Service } from "../core/service";
import { registerHealthRoute } from "../core/health";
import { AuthHandler } from "./auth-handler";
import { accountingHandler } from "./accounting-handler";
import { AuthSnapshot, type AuthSnapshotOptions } from "./auth-snapshot";
import { AuthCache, type AuthCacheOptions } from "./auth-cache";
import { AccountingWriter } from "./accounting-writer";
import { RadiusLogWriter } from "./log-writer";
import { RouterSeenWriter } from "./router-seen";
import { RadiusMetrics } from "./metrics";
import { RouterRegistry } from "./router-registry";
import { RadiusServer } from "./server";
import { AccountingSpool } from "./spool";
import { VoucherThrottle, type VoucherThrottleOptions } from "./voucher-throttle";

export interface RadiusRuntime {
  server: RadiusServer;
  registry: RouterRegistry;
  metrics: RadiusMetrics;
  accounting: AccountingWriter;
  logWriter: RadiusLogWriter;
  routerSeen: RouterSeenWriter;
  spool: AccountingSpool;
  authCache: AuthCache;
  authSnapshot: AuthSnapshot;
}

export interface RadiusServiceOptions {
  host?: string;
  authPort?: number;
  acctPort?: number;
  spoolDir?: string;
  /** Spool segments rotate at this size (default 8 MiB). */
  spoolSegmentBytes?: number;
  routerReloadMs?: number;
  /** How long an accounting commit may take before its batch is spooled and acknowledged (default 2,000 ms). */
  accountingCommitTimeoutMs?: number;
  /** How often the routers' last-seen times are written (default 10 s). */
  routerSeenFlushMs?: number;
  authCache?: AuthCacheOptions;
  voucherThrottle?: VoucherThrottleOptions;
  authSnapshot?: AuthSnapshotOptions;
  /** Receives the started runtime (tests read ports and counters from it). */
  onStarted?: (runtime: RadiusRuntime) => void;
}

export function createRadiusService(ctx: WorkerContext, opts: RadiusServiceOptions = {}): Service & { runtime(): RadiusRuntime | null } {
  const log = ctx.log.child({ service: "radius" });
  let runtime: RadiusRuntime | null = null;
  let runtimeStopped = () => undefined as void;
  return {
    name: "radius",
    runtime: () => runtime,
    async start() {
      const metrics = new RadiusMetrics();
      const spool = new AccountingSpool(opts.spoolDir ?? path.join(ctx.env.DATA_DIR, "radius-spool"), {
        log,
        maxSegmentBytes: opts.spoolSegmentBytes,
        onReadError: () => {
          metrics.spoolReadErrors++;
        },
      });
      await spool.init();
      // Earlier versions kept the router list (names, addresses) as plain JSON: the sealed file replaces it.
      await fs.promises.rm(path.join(spool.dir, "nas-registry.json"), { force: true });
      // The database may be down right now: RADIUS answers from saved state and spools from the first second.
      const online = () => ctx.database.healthy;
      const registry = new RouterRegistry(ctx.db, log, opts.routerReloadMs ?? 30_000, path.join(spool.dir, "nas-registry.sealed"), online);
      const authSnapshot = new AuthSnapshot(ctx.db, log, path.join(spool.dir, "auth-snapshot.sealed"), online, opts.authSnapshot);
      const logWriter = new RadiusLogWriter(ctx.db, metrics, log);
      const routerSeen = new RouterSeenWriter(ctx.db, log, opts.routerSeenFlushMs);
      const authCache = new AuthCache(ctx.db, log, opts.authCache);
      const voucherThrottle = new VoucherThrottle(opts.voucherThrottle);
      const accounting = new AccountingWriter(ctx.db, spool, metrics, log, {
        commitTimeoutMs: opts.accountingCommitTimeoutMs,
        online,
        // Usage and open sessions changed: this process sees it before the NOTIFY comes back.
        onStored: (records) => {
          for (const r of records) if (r.username) authCache.invalidate(r.tenantId, r.username);
        },
        // Quota enforcement jobs are enqueued inside the accounting transaction (recordAccounting).
      });
      const auth = new AuthHandler(ctx.db, log, authCache, { snapshot: authSnapshot, online, voucherThrottle });
      const server = new RadiusServer({
        host: opts.host ?? ctx.env.RADIUS_HOST,
        authPort: opts.authPort ?? ctx.env.RADIUS_AUTH_PORT,
        acctPort: opts.acctPort ?? ctx.env.RADIUS_ACCT_PORT,
        registry,
        auth: (c, request) => auth.handle(c, request),
        acct: accountingHandler(accounting),
        metrics,
        logWriter,
        routerSeen,
        log,
        logAccepts: ctx.env.RADIUS_LOG_ACCEPTS,
      });
      await registry.start();
      authCache.start();
      authSnapshot.start();
      logWriter.start();
      routerSeen.start();
      let stopped = false;
      ctx.database.onChange((healthy) => {
        if (healthy && !stopped) {
          accounting.wake();
          authSnapshot.release();
          void registry.reload();
        }
      });
      await server.start();
      if (spool.hasData) accounting.wake();
      runtime = { server, registry, metrics, accounting, logWriter, routerSeen, spool, authCache, authSnapshot };
      runtimeStopped = () => {
        stopped = true;
      };
      registerHealthRoute("/metrics/radius", () => ({
        ...metrics.snapshot(),
        routerRegistry: { size: registry.size, loadedAt: registry.loadedAt ? new Date(registry.loadedAt).toISOString() : null },
        spooling: accounting.spooling,
        spoolUnreadable: spool.unreadableFiles,
        authCache: { size: authCache.size, caching: authCache.caching, ...authCache.stats },
        authSnapshot: { online: online(), ...authSnapshot.stats },
        duplicateCache: server.duplicateEntries(),
        voucherThrottled: voucherThrottle.stats,
        memoryMb: Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)])),
      }));
      log.info({ ...server.ports(), routers: registry.size }, "RADIUS listening");
      opts.onStarted?.(runtime);
    },
    async stop() {
      if (!runtime) return;
      runtimeStopped();
      await runtime.server.stop();
      await runtime.accounting.stop();
      await runtime.spool.close();
      await runtime.logWriter.stop();
      await runtime.routerSeen.stop();
      await runtime.registry.stop();
      await runtime.authCache.stop();
      await runtime.authSnapshot.stop();
      runtime = null;
    },
  };
}

export function radiusServices(ctx: WorkerContext): Service[] {
  return [createRadiusService(ctx)];
}
