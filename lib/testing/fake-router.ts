// A router stand-in for tests: listens on loopback for CoA/Disconnect requests and checks them the way a
// router does, with its own MD5/HMAC code (not our encoder's), so a signing bug cannot hide behind itself.
// It knows a set of live sessions, answers ACK/NAK with Error-Cause, and can drop packets or lie.
import crypto from "node:crypto";
import dgram from "node:dgram";
import { decodePacket, type RadiusPacket } from "@/lib/radius";

export interface FakeSession {
  username: string;
  acctSessionId: string;
  framedIp?: string;
  rateLimit?: string;
}

export interface FakeRouterOptions {
  secret: string;
  /** Event-Timestamp must be within this many seconds of our clock (RFC 5176 §6.3). Default 300. */
  timestampWindowSeconds?: number;
  /** Refuse requests without a Message-Authenticator. Default false (RFC 5176: optional). */
  requireMessageAuthenticator?: boolean;
  /** The loopback address to listen on (any 127.x.y.z), so a test can stand in for a router of its own. Default 127.0.0.1. */
  host?: string;
}

export interface ReceivedRequest {
  packet: RadiusPacket;
  /** Why the router silently discarded it, if it did. */
  discarded?: "bad_authenticator" | "bad_message_authenticator" | "missing_message_authenticator" | "stale_timestamp" | "dropped" | "duplicate";
  from: { address: string; port: number };
}

const DISCONNECT_ATTRS = new Set([1, 4, 5, 8, 30, 31, 32, 44, 50, 55, 61, 80, 87, 89, 95, 96, 97, 33]);
const ERROR_CAUSE = 101;
const MA = 80;

export class FakeRouter {
  readonly sessions = new Map<string, FakeSession>();
  readonly received: ReceivedRequest[] = [];
  /** Drop this many incoming packets (before any check), to exercise retransmission. */
  dropNext = 0;
  /** Answer with a wrong Response Authenticator (the client must ignore it). */
  corruptReplies = false;
  /** Force every answer to be a NAK with this Error-Cause. */
  forceNak?: number;
  /** Our own NAS-IP-Address: a request naming another one gets NAK 403. */
  nasIp = "127.0.0.1";
  private socket?: dgram.Socket;
  private replyCache = new Map<string, { authenticator: string; reply: Buffer }>();
  port = 0;

  constructor(private readonly options: FakeRouterOptions) {}

  addSession(s: FakeSession) {
    this.sessions.set(`${s.username}\0${s.acctSessionId}`, s);
  }

  async start(): Promise<number> {
    const s = dgram.createSocket("udp4");
    this.socket = s;
    s.on("message", (msg, rinfo) => this.onMessage(msg, rinfo));
    await new Promise<void>((resolve) => s.bind(0, this.options.host ?? "127.0.0.1", () => resolve()));
    this.port = s.address().port;
    return this.port;
  }

  async stop() {
    await new Promise<void>((resolve) => (this.socket ? this.socket.close(() => resolve()) : resolve()));
  }

  /** Requests that were processed (not discarded). */
  get accepted(): RadiusPacket[] {
    return this.received.filter((r) => !r.discarded).map((r) => r.packet);
  }

  private onMessage(msg: Buffer, rinfo: dgram.RemoteInfo) {
    let packet: RadiusPacket;
    try {
      packet = decodePacket(msg);
    } catch {
      return;
    }
    const entry: ReceivedRequest = { packet, from: { address: rinfo.address, port: rinfo.port } };
    this.received.push(entry);
    if (this.dropNext > 0) {
      this.dropNext--;
      entry.discarded = "dropped";
      return;
    }
    const raw = packet.raw;
    const secret = Buffer.from(this.options.secret);
    // Request Authenticator: MD5(Code+Id+Length+16 zero octets+attributes+secret) (RFC 5176 §2.3).
    const zeroed = Buffer.from(raw);
    zeroed.fill(0, 4, 20);
    const expected = crypto.createHash("md5").update(zeroed).update(secret).digest();
    if (!crypto.timingSafeEqual(expected, raw.subarray(4, 20))) {
      entry.discarded = "bad_authenticator";
      return;
    }
    // Message-Authenticator: HMAC-MD5 with authenticator and MA zeroed (RFC 5176 §3.4).
    const maOffset = findAttribute(raw, MA);
    if (maOffset >= 0) {
      const copy = Buffer.from(zeroed);
      copy.fill(0, maOffset + 2, maOffset + 18);
      const hmac = crypto.createHmac("md5", secret).update(copy).digest();
      if (!crypto.timingSafeEqual(hmac, raw.subarray(maOffset + 2, maOffset + 18))) {
        entry.discarded = "bad_message_authenticator";
        return;
      }
    } else if (this.options.requireMessageAuthenticator) {
      entry.discarded = "missing_message_authenticator";
      return;
    }
    // Replay protection: Event-Timestamp inside the window (RFC 5176 §6.3).
    const ts = packet.getDate("Event-Timestamp");
    const window = this.options.timestampWindowSeconds ?? 300;
    if (!ts || Math.abs(Date.now() - ts.getTime()) > window * 1000) {
      entry.discarded = "stale_timestamp";
      return;
    }
    // Duplicate detection (RFC 5080 §2.2.2): same source, id and authenticator → the cached reply.
    const key = `${rinfo.address}:${rinfo.port}:${packet.identifier}`;
    const auth = packet.authenticator.toString("hex");
    const cached = this.replyCache.get(key);
    if (cached && cached.authenticator === auth) {
      entry.discarded = "duplicate";
      this.socket!.send(cached.reply, rinfo.port, rinfo.address);
      return;
    }
    const reply = this.answer(packet);
    this.replyCache.set(key, { authenticator: auth, reply });
    this.socket!.send(reply, rinfo.port, rinfo.address);
  }

  private answer(packet: RadiusPacket): Buffer {
    const isDisconnect = packet.code === 40;
    const ack = isDisconnect ? 41 : 44;
    const nak = isDisconnect ? 42 : 45;
    if (this.forceNak !== undefined) return this.reply(packet, nak, this.forceNak);
    const nasIp = packet.getIp("NAS-IP-Address");
    if (nasIp && nasIp !== this.nasIp) return this.reply(packet, nak, 403);
    if (isDisconnect) {
      const extra = packet.attributes.find((a) => !DISCONNECT_ATTRS.has(a.type) || a.vendorId !== undefined);
      if (extra) return this.reply(packet, nak, 401);
    }
    const username = packet.getString("User-Name");
    const acctSessionId = packet.getString("Acct-Session-Id");
    if (!username || !acctSessionId) return this.reply(packet, nak, 402);
    const key = `${username}\0${acctSessionId}`;
    const session = this.sessions.get(key);
    const framedIp = packet.getIp("Framed-IP-Address");
    if (!session || (framedIp && session.framedIp && framedIp !== session.framedIp)) return this.reply(packet, nak, 503);
    if (isDisconnect) {
      this.sessions.delete(key);
    } else {
      const rate = packet.getString("Mikrotik-Rate-Limit");
      if (rate === undefined) return this.reply(packet, nak, 402);
      session.rateLimit = rate;
    }
    return this.reply(packet, ack);
  }

  private reply(request: RadiusPacket, code: number, errorCause?: number): Buffer {
    const attrs = errorCause === undefined ? Buffer.alloc(0) : Buffer.from([ERROR_CAUSE, 6, 0, 0, (errorCause >> 8) & 0xff, errorCause & 0xff]);
    const out = Buffer.alloc(20 + attrs.length);
    out[0] = code;
    out[1] = request.identifier;
    out.writeUInt16BE(out.length, 2);
    request.authenticator.copy(out, 4);
    attrs.copy(out, 20);
    const auth = crypto.createHash("md5").update(out).update(Buffer.from(this.options.secret)).digest();
    if (this.corruptReplies) auth[0] ^= 0xff;
    auth.copy(out, 4);
    return out;
  }
}

function findAttribute(raw: Buffer, type: number): number {
  let offset = 20;
  while (offset + 2 <= raw.length) {
    if (raw[offset] === type) return offset;
    const len = raw[offset + 1];
    if (len < 2) return -1;
    offset += len;
  }
  return -1;
}
