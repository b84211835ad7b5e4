// The worker is a list of services started in order and stopped in reverse, each under a time limit.
import type { Logger } from "pino";
import { withDeadline } from "@/lib/deadline";

export interface Service {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceHost {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly started: readonly string[];
}

export function createServiceHost(services: Service[], log: Logger, opts: { stopTimeoutMs?: number } = {}): ServiceHost {
  const started: string[] = [];
  const running: Service[] = [];
  return {
    started,
    async start() {
      for (const s of services) {
        const t = Date.now();
        await s.start();
        running.push(s);
        started.push(s.name);
        log.info({ service: s.name, ms: Date.now() - t }, `${s.name} started`);
      }
    },
    async stop() {
      const deadline = Date.now() + (opts.stopTimeoutMs ?? 20_000);
      for (const s of [...running].reverse()) {
        try {
          await withDeadline(s.stop(), Math.max(100, deadline - Date.now()), `stopping ${s.name}`);
          log.info({ service: s.name }, `${s.name} stopped`);
        } catch (e) {
          log.error({ service: s.name, err: (e as Error).message }, `${s.name} did not stop cleanly`);
        }
      }
      running.length = 0;
    },
  };
}

/** Exponential backoff with jitter, for reconnect loops. */
export function backoffMs(attempt: number, baseMs = 500, maxMs = 30_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/**
 * Services that need something first (the database): started in order once `ready` settles, without
 * holding up the services listed before them; stopped in reverse. A failed start goes to `onError`.
 */
export function startWhenReady(
  name: string,
  ready: Promise<void>,
  services: Service[],
  log: Logger,
  onError: (e: Error) => void,
): Service & { readonly running: boolean } {
  const host = createServiceHost(services, log);
  let starting: Promise<void> | null = null;
  let stopped = false;
  let running = false;
  return {
    name,
    get running() {
      return running;
    },
    async start() {
      void ready.then(() => {
        if (stopped) return;
        log.info({ services: services.map((s) => s.name) }, "database ready: starting the services that need it");
        starting = host.start().then(
          () => {
            running = true;
          },
          (e: Error) => onError(e),
        );
      });
    },
    async stop() {
      stopped = true;
      // Not started yet (still waiting for the database): nothing to stop.
      if (starting) await starting;
      await host.stop();
      running = false;
    },
  };
}
