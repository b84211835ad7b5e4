// The receive pipeline between the transport and the handlers. Per datagram: the router by source
// address, decode, expected code, verification (authenticators, Message-Authenticator, BlastRADIUS rules),
// last-seen note, duplicate check; then the handler for its kind, a function (ctx, request) → reply, and
// the reply goes back through the transport. Counting and logging happen here, not in the handlers.
import type dgram from "node:dgram";
import type { Logger } from "pino";
import { RadiusCode, decodePacket, encodeResponse, verifyRequest, type RadiusPacket } from "@/lib/radius";
import type { RouterEntry } from "@/lib/services/radius/load-router-registry";
import { DuplicateCache } from "./duplicate-cache";
import type { RouterRegistry } from "./router-registry";
import type { RadiusMetrics } from "./metrics";
import type { RadiusLogWriter } from "./log-writer";
import type { RouterSeenWriter } from "./router-seen";
import { NotInSnapshot } from "./auth-snapshot";
import type { Kind, UdpTransport } from "./transport";

export type { Kind } from "./transport";

/** What a handler knows about the request besides its packet. */
export interface RequestContext {
  readonly kind: Kind;
  readonly router: RouterEntry;
  readonly sourceIp: string;
}

/** A reply to send, or none (then `drop` says why: the router may retransmit). */
export interface HandlerResult {
  reply: Buffer | null;
  drop?: string;
}

/** An authentication answer, with what the RADIUS log records about it. */
export interface AuthResult extends HandlerResult {
  reply: Buffer;
  accepted: boolean;
  username: string | null;
  reason: string | null;
}

export type Handler<R extends HandlerResult> = (ctx: RequestContext, request: RadiusPacket) => Promise<R>;

export interface PipelineOptions {
  registry: RouterRegistry;
  metrics: RadiusMetrics;
  logWriter: RadiusLogWriter;
  routerSeen?: RouterSeenWriter;
  log: Logger;
  /** Log every Access-Accept (default) or only rejects and drops. */
  logAccepts?: boolean;
  auth: Handler<AuthResult>;
  acct: Handler<HandlerResult>;
}

/** Status-Server (RFC 5997): alive, on either port. */
export function statusReply(ctx: RequestContext, request: RadiusPacket): Buffer {
  const code = ctx.kind === "auth" ? RadiusCode.AccessAccept : RadiusCode.AccountingResponse;
  return encodeResponse({ request, code, secret: ctx.router.secret, attributes: [["Reply-Message", "RADIUS server is alive"]] });
}

export class RadiusPipeline {
  private readonly dup = { auth: new DuplicateCache(), acct: new DuplicateCache() };
  private failures = 0;

  constructor(
    private readonly o: PipelineOptions,
    private readonly transport: UdpTransport,
  ) {}

  start() {
    this.dup.auth.start();
    this.dup.acct.start();
  }

  stop() {
    this.dup.auth.stop();
    this.dup.acct.stop();
  }

  duplicateEntries(): { auth: number; acct: number } {
    return { auth: this.dup.auth.size, acct: this.dup.acct.size };
  }

  private drop(router: RouterEntry, ip: string, reason: string, kind: Kind, username: string | null = null) {
    this.o.metrics.drop(ip, router.id, router.tenantId, reason);
    this.o.logWriter.drop({ tenantId: router.tenantId, routerId: router.id, nasIp: ip, username, reason, kind: kind === "auth" ? "AUTH" : "ACCT" });
  }

  /** The transport's listener. */
  receive = (kind: Kind, msg: Buffer, rinfo: dgram.RemoteInfo) => {
    const started = performance.now();
    const ip = rinfo.address;
    const router = this.o.registry.get(ip);
    if (!router) {
      this.o.metrics.drop(ip, null, null, "unknown_nas");
      return this.o.logWriter.dropUnknown(ip, "unknown_nas");
    }
    let packet: RadiusPacket;
    try {
      packet = decodePacket(msg);
    } catch {
      return this.drop(router, ip, "malformed", kind);
    }
    const expected = kind === "auth" ? RadiusCode.AccessRequest : RadiusCode.AccountingRequest;
    if (packet.code !== expected && packet.code !== RadiusCode.StatusServer) return this.drop(router, ip, "unexpected_code", kind);
    const verdict = verifyRequest(packet, router.secret, { requireMessageAuthenticator: router.requireMessageAuthenticator });
    if (!verdict.ok) return this.drop(router, ip, verdict.reason, kind, safeUsername(packet));

    this.o.routerSeen?.seen(router.id, router.tenantId);

    const key = `${ip}|${rinfo.port}|${packet.identifier}`;
    const dup = this.dup[kind].check(key, packet.authenticator);
    if (dup.kind !== "new") {
      this.o.metrics.duplicate(ip, router.id, router.tenantId);
      if (dup.kind === "answered") this.transport.send(kind, dup.reply, rinfo);
      return;
    }
    this.o.metrics.request(ip, router.id, router.tenantId);
    const ctx: RequestContext = { kind, router, sourceIp: ip };

    if (packet.code === RadiusCode.StatusServer) {
      this.o.metrics.status(ip, router.id, router.tenantId);
      return this.send(kind, key, packet, statusReply(ctx, packet), rinfo);
    }
    const handled = kind === "auth" ? this.o.auth(ctx, packet) : this.o.acct(ctx, packet);
    handled.then(
      (result) => {
        if (!result.reply) {
          this.dup[kind].forget(key, packet.authenticator);
          return this.drop(router, ip, result.drop ?? "no_reply", kind, safeUsername(packet));
        }
        this.send(kind, key, packet, result.reply, rinfo);
        const ms = performance.now() - started;
        if (kind === "acct") return this.o.metrics.acct(ip, router.id, router.tenantId, ms);
        const outcome = result as AuthResult;
        this.o.metrics.auth(ip, router.id, router.tenantId, outcome.accepted, ms);
        if (!outcome.accepted || this.o.logAccepts !== false) {
          this.o.logWriter.add({
            tenantId: router.tenantId,
            routerId: router.id,
            nasIp: ip,
            kind: "AUTH",
            username: outcome.username,
            outcome: outcome.accepted ? "ACCEPT" : "REJECT",
            reason: outcome.reason,
            latencyMs: Math.round(ms * 1000) / 1000,
            createdAt: new Date(),
          });
        }
      },
      (e: Error) => {
        // No answer: the router retransmits, and the retransmission is processed afresh.
        this.dup[kind].forget(key, packet.authenticator);
        if (e instanceof NotInSnapshot) return this.drop(router, ip, "not_in_snapshot", kind, safeUsername(packet));
        this.o.metrics.drop(ip, router.id, router.tenantId, "internal_error");
        // During an outage every request fails alike: log the first and then ever less often (all counted).
        const n = ++this.failures;
        if ((n & (n - 1)) === 0) this.o.log.warn({ err: e.message, kind, nasIp: ip, failures: n }, "RADIUS request failed");
      },
    );
  };

  private send(kind: Kind, key: string, packet: RadiusPacket, reply: Buffer, rinfo: dgram.RemoteInfo) {
    this.dup[kind].answered(key, packet.authenticator, reply);
    this.transport.send(kind, reply, rinfo);
  }
}

function safeUsername(packet: RadiusPacket): string | null {
  const b = packet.getBuffer("User-Name");
  return b ? b.toString("utf8").slice(0, 128) : null;
}
