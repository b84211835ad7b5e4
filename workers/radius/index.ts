// RADIUS authentication and accounting servers (UDP). Composed into the worker by workers/main.ts.
import path from "node:path";
import type { WorkerContext } from "../core/context";
import type { Service } from "../core/service";
import { registerHealthRoute } from "../core/health";
import { AuthHandler } from "./auth-handler";
import { AuthCache, type AuthCacheOptions } from "./auth-cache";
import { AccountingWriter } from "./accounting-writer";
import { RadiusLogWriter } from "./log-writer";
import { NasSeenWriter } from "./nas-seen";
import { RadiusMetrics } from "./metrics";
import { NasRegistry } from "./nas-registry";
import { RadiusServer } from "./server";
import { AccountingSpool } from "./spool";

export interface RadiusRuntime {
  server: RadiusServer;
  registry: NasRegistry;
  metrics: RadiusMetrics;
  accounting: AccountingWriter;
  logWriter: RadiusLogWriter;
  nasSeen: NasSeenWriter;
  spool: AccountingSpool;
  authCache: AuthCache;
}

export interface RadiusServiceOptions {
  host?: string;
  authPort?: number;
  acctPort?: number;
  spoolDir?: string;
  nasReloadMs?: number;
  /** How long an accounting commit may take before its batch is spooled and acknowledged (default 2,000 ms). */
  accountingCommitTimeoutMs?: number;
  /** How often the routers' last-seen times are written (default 10 s). */
  nasSeenFlushMs?: number;
  authCache?: AuthCacheOptions;
  /** Receives the started runtime (tests read ports and counters from it). */
  onStarted?: (runtime: RadiusRuntime) => void;
}

export function createRadiusService(ctx: WorkerContext, opts: RadiusServiceOptions = {}): Service & { runtime(): RadiusRuntime | null } {
  const log = ctx.log.child({ service: "radius" });
  let runtime: RadiusRuntime | null = null;
  return {
    name: "radius",
    runtime: () => runtime,
    async start() {
      const metrics = new RadiusMetrics();
      const spool = new AccountingSpool(opts.spoolDir ?? path.join(ctx.env.DATA_DIR, "radius-spool"));
      await spool.init();
      const registry = new NasRegistry(ctx.db, log, opts.nasReloadMs ?? 30_000, path.join(spool.dir, "nas-registry.json"));
      const logWriter = new RadiusLogWriter(ctx.db, metrics, log);
      const nasSeen = new NasSeenWriter(ctx.db, log, opts.nasSeenFlushMs);
      const authCache = new AuthCache(ctx.db, log, opts.authCache);
      const accounting = new AccountingWriter(ctx.db, spool, metrics, log, {
        commitTimeoutMs: opts.accountingCommitTimeoutMs,
        // Usage and open sessions changed: this process sees it before the NOTIFY comes back.
        onStored: (records) => {
          for (const r of records) if (r.username) authCache.invalidate(r.tenantId, r.username);
        },
        // Quota enforcement jobs are enqueued inside the accounting transaction (recordAccounting).
      });
      const server = new RadiusServer({
        host: opts.host ?? ctx.env.RADIUS_HOST,
        authPort: opts.authPort ?? ctx.env.RADIUS_AUTH_PORT,
        acctPort: opts.acctPort ?? ctx.env.RADIUS_ACCT_PORT,
        registry,
        auth: new AuthHandler(ctx.db, log, authCache),
        accounting,
        metrics,
        logWriter,
        nasSeen,
        log,
        logAccepts: process.env.RADIUS_LOG_ACCEPTS !== "false",
      });
      await registry.start();
      authCache.start();
      logWriter.start();
      nasSeen.start();
      ctx.database.onChange((healthy) => {
        if (healthy) {
          accounting.wake();
          void registry.reload();
        }
      });
      await server.start();
      if (spool.hasData) accounting.wake();
      runtime = { server, registry, metrics, accounting, logWriter, nasSeen, spool, authCache };
      registerHealthRoute("/metrics/radius", () => ({
        ...metrics.snapshot(),
        nasRegistry: { size: registry.size, loadedAt: registry.loadedAt ? new Date(registry.loadedAt).toISOString() : null },
        spooling: accounting.spooling,
        authCache: { size: authCache.size, caching: authCache.caching, ...authCache.stats },
        duplicateCache: server.duplicateEntries(),
        memoryMb: Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)])),
      }));
      log.info({ ...server.ports(), nas: registry.size }, "RADIUS listening");
      opts.onStarted?.(runtime);
    },
    async stop() {
      if (!runtime) return;
      await runtime.server.stop();
      await runtime.accounting.stop();
      await runtime.spool.close();
      await runtime.logWriter.stop();
      await runtime.nasSeen.stop();
      await runtime.registry.stop();
      await runtime.authCache.stop();
      runtime = null;
    },
  };
}

export function radiusServices(ctx: WorkerContext): Service[] {
  return [createRadiusService(ctx)];
}
