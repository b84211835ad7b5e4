// The RADIUS server: the UDP transport feeding the receive pipeline, whose handlers (authentication,
// accounting) are functions (ctx, request) → reply. Composed by ./index.ts.
import type { Logger } from "pino";
import type { RouterRegistry } from "./router-registry";
import type { RadiusMetrics } from "./metrics";
import type { RadiusLogWriter } from "./log-writer";
import type { RouterSeenWriter } from "./router-seen";
import { RadiusPipeline, type AuthResult, type Handler, type HandlerResult } from "./pipeline";
import { UdpTransport } from "./transport";

export { RECV_BUFFER_BYTES } from "./transport";

export interface RadiusServerOptions {
  host: string;
  authPort: number;
  acctPort: number;
  registry: RouterRegistry;
  auth: Handler<AuthResult>;
  acct: Handler<HandlerResult>;
  metrics: RadiusMetrics;
  logWriter: RadiusLogWriter;
  /** Notes when each router last sent a verified packet (its last_seen_at). */
  routerSeen?: RouterSeenWriter;
  log: Logger;
  /** Log every Access-Accept (default) or only rejects and drops. */
  logAccepts?: boolean;
}

export class RadiusServer {
  private readonly transport: UdpTransport;
  private readonly pipeline: RadiusPipeline;

  constructor(o: RadiusServerOptions) {
    this.transport = new UdpTransport({ host: o.host, authPort: o.authPort, acctPort: o.acctPort, log: o.log });
    this.pipeline = new RadiusPipeline(o, this.transport);
  }

  ports(): { auth: number; acct: number } {
    return this.transport.ports();
  }

  duplicateEntries(): { auth: number; acct: number } {
    return this.pipeline.duplicateEntries();
  }

  async start() {
    this.pipeline.start();
    await this.transport.start(this.pipeline.receive);
  }

  async stop() {
    this.pipeline.stop();
    await this.transport.stop();
  }
}
