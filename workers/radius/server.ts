// The UDP transport: one socket for authentication and one for accounting. Per datagram: NAS by source
// address, decode, verify (authenticator, Message-Authenticator, BlastRADIUS rules), duplicate check,
// then the handler. Nothing a datagram contains can throw out of the socket callback.
import dgram from "node:dgram";
import type { Logger } from "pino";
import { RadiusCode, decodePacket, encodeResponse, verifyRequest, type RadiusPacket } from "@/lib/radius";
import type { NasEntry } from "@/lib/services/radius/load-nas-registry";
import { DuplicateCache } from "./duplicate-cache";
import type { NasRegistry } from "./nas-registry";
import type { RadiusMetrics } from "./metrics";
import type { RadiusLogWriter } from "./log-writer";
import type { NasSeenWriter } from "./nas-seen";
import type { AuthHandler } from "./auth-handler";
import { accountingResponse, parseAccounting } from "./accounting-handler";
import type { AccountingWriter } from "./accounting-writer";

export const RECV_BUFFER_BYTES = 4 * 1024 * 1024;

export interface RadiusServerOptions {
  host: string;
  authPort: number;
  acctPort: number;
  registry: NasRegistry;
  auth: AuthHandler;
  accounting: AccountingWriter;
  metrics: RadiusMetrics;
  logWriter: RadiusLogWriter;
  /** Notes when each NAS last sent a verified packet (nas.last_seen_at). */
  nasSeen?: NasSeenWriter;
  log: Logger;
  /** Log every Access-Accept (default) or only rejects and drops. */
  logAccepts?: boolean;
}

type Kind = "auth" | "acct";

export class RadiusServer {
  private sockets: Partial<Record<Kind, dgram.Socket>> = {};
  private readonly dup = { auth: new DuplicateCache(), acct: new DuplicateCache() };

  constructor(private readonly o: RadiusServerOptions) {}

  ports(): { auth: number; acct: number } {
    return { auth: this.sockets.auth?.address().port ?? 0, acct: this.sockets.acct?.address().port ?? 0 };
  }

  duplicateEntries(): { auth: number; acct: number } {
    return { auth: this.dup.auth.size, acct: this.dup.acct.size };
  }

  async start() {
    this.dup.auth.start();
    this.dup.acct.start();
    for (const kind of ["auth", "acct"] as const) {
      const type = this.o.host.includes(":") ? "udp6" : "udp4";
      const socket = dgram.createSocket({ type, recvBufferSize: RECV_BUFFER_BYTES, sendBufferSize: RECV_BUFFER_BYTES });
      socket.on("message", (msg, rinfo) => {
        try {
          this.onMessage(kind, socket, msg, rinfo);
        } catch (e) {
          this.o.log.error({ err: (e as Error).message, kind }, "RADIUS datagram handling failed");
        }
      });
      socket.on("error", (e) => this.o.log.error({ err: e.message, kind }, "RADIUS socket error"));
      await new Promise<void>((resolve, reject) => {
        socket.once("error", (e: NodeJS.ErrnoException) =>
          reject(
            e.code === "EADDRINUSE" || e.code === "EACCES"
              ? new Error(`cannot listen on UDP ${this.o.host}:${kind === "auth" ? this.o.authPort : this.o.acctPort} (${e.code}): set RADIUS_${kind.toUpperCase()}_PORT to a free port`)
              : e,
          ),
        );
        socket.bind(kind === "auth" ? this.o.authPort : this.o.acctPort, this.o.host, () => resolve());
      });
      try {
        socket.setRecvBufferSize(RECV_BUFFER_BYTES);
      } catch {
        // The kernel caps it (net.core.rmem_max); the creation-time option already asked.
      }
      this.sockets[kind] = socket;
    }
  }

  async stop() {
    this.dup.auth.stop();
    this.dup.acct.stop();
    await Promise.all(Object.values(this.sockets).map((s) => new Promise<void>((r) => s.close(() => r()))));
    this.sockets = {};
  }

  private dropUnknown(ip: string, reason: string) {
    this.o.metrics.drop(ip, null, null, reason);
    this.o.logWriter.dropUnknown(ip, reason);
  }

  private drop(nas: NasEntry, ip: string, reason: string, kind: Kind, username: string | null = null) {
    this.o.metrics.drop(ip, nas.id, nas.tenantId, reason);
    this.o.logWriter.drop({ tenantId: nas.tenantId, nasId: nas.id, nasIp: ip, username, reason, kind: kind === "auth" ? "AUTH" : "ACCT" });
  }

  private onMessage(kind: Kind, socket: dgram.Socket, msg: Buffer, rinfo: dgram.RemoteInfo) {
    const started = performance.now();
    const ip = rinfo.address;
    const nas = this.o.registry.get(ip);
    if (!nas) return this.dropUnknown(ip, "unknown_nas");
    let packet: RadiusPacket;
    try {
      packet = decodePacket(msg);
    } catch {
      return this.drop(nas, ip, "malformed", kind);
    }
    const expected = kind === "auth" ? RadiusCode.AccessRequest : RadiusCode.AccountingRequest;
    if (packet.code !== expected && packet.code !== RadiusCode.StatusServer) return this.drop(nas, ip, "unexpected_code", kind);
    const verdict = verifyRequest(packet, nas.secret, { requireMessageAuthenticator: nas.requireMessageAuthenticator });
    if (!verdict.ok) return this.drop(nas, ip, verdict.reason, kind, safeUsername(packet));

    this.o.nasSeen?.seen(nas.id, nas.tenantId);

    const key = `${ip}|${rinfo.port}|${packet.identifier}`;
    const dup = this.dup[kind].check(key, packet.authenticator);
    if (dup.kind !== "new") {
      this.o.metrics.duplicate(ip, nas.id, nas.tenantId);
      if (dup.kind === "answered") socket.send(dup.reply, rinfo.port, rinfo.address);
      return;
    }
    this.o.metrics.request(ip, nas.id, nas.tenantId);

    const send = (reply: Buffer) => {
      this.dup[kind].answered(key, packet.authenticator, reply);
      // The socket may have closed (shutdown) while the request was being processed.
      if (this.sockets[kind] === socket) socket.send(reply, rinfo.port, rinfo.address);
    };
    const fail = (e: Error) => {
      // No answer: the NAS retransmits, and the retransmission is processed afresh.
      this.dup[kind].forget(key, packet.authenticator);
      this.o.metrics.drop(ip, nas.id, nas.tenantId, "internal_error");
      this.o.log.warn({ err: e.message, kind, nasIp: ip }, "RADIUS request failed");
    };

    if (packet.code === RadiusCode.StatusServer) {
      this.o.metrics.status(ip, nas.id, nas.tenantId);
      const code = kind === "auth" ? RadiusCode.AccessAccept : RadiusCode.AccountingResponse;
      return send(encodeResponse({ request: packet, code, secret: nas.secret, attributes: [["Reply-Message", "RADIUS server is alive"]] }));
    }

    if (kind === "auth") {
      this.o.auth.handle(packet, nas).then((outcome) => {
        send(outcome.reply);
        const ms = performance.now() - started;
        this.o.metrics.auth(ip, nas.id, nas.tenantId, outcome.accepted, ms);
        if (!outcome.accepted || this.o.logAccepts !== false) {
          this.o.logWriter.add({
            tenantId: nas.tenantId,
            nasId: nas.id,
            nasIp: ip,
            kind: "AUTH",
            username: outcome.username,
            outcome: outcome.accepted ? "ACCEPT" : "REJECT",
            reason: outcome.reason,
            latencyMs: Math.round(ms * 1000) / 1000,
            createdAt: new Date(),
          });
        }
      }, fail);
      return;
    }

    const parsed = parseAccounting(packet, nas);
    if (!parsed.ok) {
      this.dup.acct.forget(key, packet.authenticator);
      return this.drop(nas, ip, parsed.reason, kind, safeUsername(packet));
    }
    this.o.accounting.write(parsed.record).then(() => {
      send(accountingResponse(packet, nas));
      this.o.metrics.acct(ip, nas.id, nas.tenantId, performance.now() - started);
    }, fail);
  }
}

function safeUsername(packet: RadiusPacket): string | null {
  const b = packet.getBuffer("User-Name");
  return b ? b.toString("utf8").slice(0, 128) : null;
}
