// RFC 5176 Dynamic Authorization client: sends Disconnect-Request and CoA-Request to a router (UDP 3799),
// retransmits the very same bytes on timeout (same Identifier and Event-Timestamp, so the router can detect
// the duplicate), matches replies by source address and Identifier, and accepts only authentic replies.
import dgram from "node:dgram";
import net from "node:net";
import { canonicalIp } from "@/lib/net/ip";
import type { Logger } from "pino";
import {
  decodePacket,
  encodeRequest,
  getValueName,
  RadiusCode,
  verifyResponse,
  type AttributeInput,
  type RadiusPacket,
} from "@/lib/radius";

export type DynamicAuthCode = typeof RadiusCode.DisconnectRequest | typeof RadiusCode.CoaRequest;

export interface DynamicAuthTarget {
  /** The router address (IPv4 or IPv6). */
  host: string;
  port: number;
  secret: string;
}

export interface DynamicAuthRequest {
  code: DynamicAuthCode;
  /** Identification (and for CoA, authorization) attributes. Event-Timestamp is added here. */
  attributes: readonly AttributeInput[];
  /** Default true: a Message-Authenticator is optional in RFC 5176 but routers hardened against BlastRADIUS may want it. */
  messageAuthenticator?: boolean;
}

export type DynamicAuthOutcome = "ACK" | "NAK" | "TIMEOUT";

export interface DynamicAuthResult {
  outcome: DynamicAuthOutcome;
  /** The reply's code (41/42/44/45) when one came. */
  replyCode?: number;
  errorCause?: number;
  /** RFC 5176 §3.5 name of errorCause, e.g. "Session-Context-Not-Found". */
  errorCauseName?: string;
  attempts: number;
  latencyMs: number;
  identifier: number;
  /** Replies dropped because their authenticator or Message-Authenticator was wrong. */
  invalidReplies: number;
  reply?: RadiusPacket;
}

export interface DynamicAuthClientOptions {
  /** Wait per try. Default 2000 ms. */
  timeoutMs?: number;
  /** Total tries including the first. Default 3. */
  tries?: number;
  log?: Logger;
}

interface Pending {
  request: { code: number; identifier: number; authenticator: Buffer };
  secret: string;
  onReply: (packet: RadiusPacket) => void;
  invalid: number;
}

const ACK_CODES: ReadonlySet<number> = new Set([RadiusCode.DisconnectAck, RadiusCode.CoaAck]);

export class DynamicAuthClient {
  private readonly timeoutMs: number;
  private readonly tries: number;
  private readonly log?: Logger;
  private sockets = new Map<4 | 6, dgram.Socket>();
  private opening = new Map<4 | 6, Promise<dgram.Socket>>();
  /** host → identifier → pending request. Identifiers are per destination address. */
  private pending = new Map<string, Map<number, Pending>>();
  /** host → next identifier to try, so ids are handed out round-robin (least recently used first). */
  private nextId = new Map<string, number>();
  private waiters = new Map<string, Array<() => void>>();
  private closed = false;

  constructor(options: DynamicAuthClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.tries = Math.max(1, options.tries ?? 3);
    this.log = options.log;
  }

  async send(target: DynamicAuthTarget, request: DynamicAuthRequest): Promise<DynamicAuthResult> {
    if (this.closed) throw new Error("DynamicAuthClient is closed");
    const family = net.isIP(target.host);
    if (family === 0) throw new Error(`not an IP address: ${target.host}`);
    const socket = await this.socket(family as 4 | 6);
    const host = normalizeHost(target.host);
    const identifier = await this.allocate(host);
    const started = performance.now();
    const packet = encodeRequest({
      code: request.code,
      identifier,
      secret: target.secret,
      attributes: [...request.attributes, ["Event-Timestamp", new Date()]],
      messageAuthenticator: request.messageAuthenticator ?? true,
    });
    const sent = { code: request.code, identifier, authenticator: Buffer.from(packet.subarray(4, 20)) };

    let attempts = 0;
    const entry: Pending = { request: sent, secret: target.secret, onReply: () => undefined, invalid: 0 };
    try {
      const reply = await new Promise<RadiusPacket | null>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        entry.onReply = (p) => {
          clearTimeout(timer);
          resolve(p);
        };
        const attempt = () => {
          if (attempts >= this.tries || this.closed) {
            resolve(null);
            return;
          }
          attempts++;
          socket.send(packet, target.port, target.host, (err) => {
            if (err) this.log?.warn({ nasIp: target.host, err: err.message }, "CoA send failed");
          });
          timer = setTimeout(attempt, this.timeoutMs);
        };
        this.pendingFor(host).set(identifier, entry);
        attempt();
      });
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      if (!reply) return { outcome: "TIMEOUT", attempts, latencyMs, identifier, invalidReplies: entry.invalid };
      const errorCause = safeErrorCause(reply);
      return {
        outcome: ACK_CODES.has(reply.code) ? "ACK" : "NAK",
        replyCode: reply.code,
        errorCause,
        errorCauseName: errorCause === undefined ? undefined : (getValueName("Error-Cause", errorCause) ?? String(errorCause)),
        attempts,
        latencyMs,
        identifier,
        invalidReplies: entry.invalid,
        reply,
      };
    } finally {
      this.release(host, identifier);
    }
  }

  /** Identifiers currently outstanding towards a host (tests). */
  outstanding(host: string): number[] {
    return [...(this.pending.get(normalizeHost(host))?.keys() ?? [])];
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const list of this.pending.values()) for (const p of list.values()) p.onReply = () => undefined;
    await Promise.all(
      [...this.sockets.values()].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
    );
    this.sockets.clear();
  }

  private pendingFor(host: string): Map<number, Pending> {
    let m = this.pending.get(host);
    if (!m) this.pending.set(host, (m = new Map()));
    return m;
  }

  /** The next free Identifier for this host, never one still outstanding (RFC 5080 §2.2.2). */
  private async allocate(host: string): Promise<number> {
    for (;;) {
      const used = this.pendingFor(host);
      if (used.size < 256) {
        let id = this.nextId.get(host) ?? Math.floor(Math.random() * 256);
        while (used.has(id)) id = (id + 1) & 0xff;
        this.nextId.set(host, (id + 1) & 0xff);
        // Reserve now; the real entry replaces this placeholder before the first send.
        used.set(id, { request: { code: 0, identifier: id, authenticator: Buffer.alloc(16) }, secret: "", onReply: () => undefined, invalid: 0 });
        return id;
      }
      await new Promise<void>((resolve) => {
        const list = this.waiters.get(host) ?? [];
        list.push(resolve);
        this.waiters.set(host, list);
      });
    }
  }

  private release(host: string, identifier: number) {
    this.pending.get(host)?.delete(identifier);
    const next = this.waiters.get(host)?.shift();
    next?.();
  }

  private socket(family: 4 | 6): Promise<dgram.Socket> {
    const existing = this.sockets.get(family);
    if (existing) return Promise.resolve(existing);
    let p = this.opening.get(family);
    if (!p) {
      p = new Promise<dgram.Socket>((resolve, reject) => {
        const s = dgram.createSocket(family === 4 ? "udp4" : "udp6");
        s.once("error", reject);
        s.on("message", (msg, rinfo) => this.onMessage(msg, rinfo));
        s.bind(0, () => {
          s.off("error", reject);
          s.on("error", (e) => this.log?.error({ err: e.message }, "CoA socket error"));
          this.sockets.set(family, s);
          resolve(s);
        });
      });
      this.opening.set(family, p);
    }
    return p;
  }

  private onMessage(msg: Buffer, rinfo: dgram.RemoteInfo) {
    // A bad datagram is logged and dropped, never thrown out of the socket callback.
    let packet: RadiusPacket;
    try {
      packet = decodePacket(msg);
    } catch (e) {
      this.log?.debug({ nasIp: rinfo.address, err: (e as Error).message }, "undecodable CoA reply dropped");
      return;
    }
    const entry = this.pending.get(normalizeHost(rinfo.address))?.get(packet.identifier);
    if (!entry || entry.request.code === 0) {
      this.log?.debug({ nasIp: rinfo.address, id: packet.identifier }, "CoA reply for no outstanding request dropped");
      return;
    }
    const verdict = verifyResponse({ request: entry.request, response: packet, secret: entry.secret });
    if (!verdict.ok) {
      entry.invalid++;
      this.log?.warn({ nasIp: rinfo.address, reason: verdict.reason }, "CoA reply failed verification, dropped");
      return;
    }
    entry.onReply(packet);
  }
}

function safeErrorCause(packet: RadiusPacket): number | undefined {
  try {
    return packet.getInteger("Error-Cause");
  } catch {
    return undefined;
  }
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are the same router: replies are matched on the canonical address. */
function normalizeHost(host: string): string {
  return canonicalIp(host) ?? host.toLowerCase();
}
