// Access-Request handling: find the subject (customer by username, voucher by code, or customer by MAC),
// check the credential (PAP, CHAP, MS-CHAPv1/v2), decide, and build the signed Accept or Reject.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import {
  RadiusCode,
  encodeResponse,
  mschapErrorValue,
  mschapV2AcceptAttributes,
  verifyChapRequest,
  verifyMschapV1,
  verifyMschapV2,
  verifyPapRequest,
  type NamedAttribute,
  type RadiusPacket,
} from "@/lib/radius";
import type { RouterEntry } from "@/lib/services/radius/load-router-registry";
import { findAuthSubjectByMac, findVoucherSubject, type AuthKey, type AuthSubject } from "@/lib/services/radius/find-auth-subjects";
import { decideAccess, REJECT_MESSAGES, type ConnectionKind, type RejectReason } from "@/lib/services/radius/decide-access";
import { canonicalMac } from "@/lib/net/mac";
import { getRadiusSettings, type RadiusSettings } from "@/lib/services/radius/get-radius-settings";
import { activateVoucher } from "@/lib/services/radius/activate-voucher";
import { allocateAddress } from "@/lib/services/ip-pools/allocate-address";
import type { AuthCache, CachedSubject } from "./auth-cache";
import { NotInSnapshot, type AuthSnapshot } from "./auth-snapshot";
import type { AuthResult, RequestContext } from "./pipeline";
import { VoucherThrottle, type ThrottleVerdict } from "./voucher-throttle";

/** Rejects decided here rather than by decideAccess. */
type HandlerRejectReason = "no_credentials" | "no_username" | "voucher_throttled";
const HANDLER_MESSAGES: Record<HandlerRejectReason, string> = {
  no_credentials: "Authentication failed",
  no_username: "Authentication failed",
  voucher_throttled: "Too many failed attempts: try again later",
};

export type AuthOutcome = AuthResult;

class SettingsCache {
  private map = new Map<string, { at: number; value: Promise<RadiusSettings> }>();
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
  ) {}
  get(tenantId: string): Promise<RadiusSettings> {
    const hit = this.map.get(tenantId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = getRadiusSettings(this.db, { tenantId });
    // Keep serving the previous value when a refresh fails.
    const guarded = value.catch((e) => {
      if (hit) return hit.value;
      throw e;
    });
    this.map.set(tenantId, { at: Date.now(), value: guarded });
    return guarded;
  }
}

type Credential =
  | { kind: "none" }
  | { kind: "pap" }
  | { kind: "chap" }
  | { kind: "mschapv2"; challenge: Buffer; response: Buffer }
  | { kind: "mschapv1"; challenge: Buffer; response: Buffer };

function credentialOf(packet: RadiusPacket): Credential | null {
  if (packet.has("User-Password")) return { kind: "pap" };
  if (packet.has("CHAP-Password")) return { kind: "chap" };
  const challenge = packet.getBuffer("MS-CHAP-Challenge");
  const v2 = packet.getBuffer("MS-CHAP2-Response");
  if (challenge && v2) return { kind: "mschapv2", challenge, response: v2 };
  const v1 = packet.getBuffer("MS-CHAP-Response");
  if (challenge && v1) return { kind: "mschapv1", challenge, response: v1 };
  return null;
}

/** PPPoE when the router says PPP; hotspot when it says Login-User or sends hotspot hints; else unknown. */
export function connectionKindOf(packet: RadiusPacket): ConnectionKind {
  const framedProtocol = packet.getBuffer("Framed-Protocol");
  if (framedProtocol && framedProtocol.length === 4 && framedProtocol.readUInt32BE(0) === 1) return "PPPOE";
  const serviceType = packet.getBuffer("Service-Type");
  const st = serviceType && serviceType.length === 4 ? serviceType.readUInt32BE(0) : null;
  if (st === 2) return "PPPOE"; // Framed-User
  if (st === 1 || packet.has("Mikrotik-Host-IP")) return "HOTSPOT"; // Login-User
  return null;
}

/** Where a request's subject and settings come from: the database (through the cache) or the saved state. */
interface SubjectSource {
  readonly saved: boolean;
  customer(key: AuthKey): Promise<CachedSubject>;
  voucher(key: AuthKey): Promise<AuthSubject | null>;
  byMac(key: AuthKey, mac: string): Promise<AuthSubject | null>;
  settings(tenantId: string): Promise<RadiusSettings>;
}

export interface AuthHandlerOptions {
  /** The saved state used while the database is down (or fails mid-request). */
  snapshot?: AuthSnapshot;
  /** Whether the database is known to be reachable. */
  online?: () => boolean;
  voucherThrottle?: VoucherThrottle;
}

export class AuthHandler {
  private readonly settings: SettingsCache;
  readonly voucherThrottle: VoucherThrottle;
  private readonly live: SubjectSource;
  private readonly saved: SubjectSource | null;
  private readonly online: () => boolean;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly subjects: AuthCache,
    opts: AuthHandlerOptions = {},
  ) {
    this.settings = new SettingsCache(db);
    this.voucherThrottle = opts.voucherThrottle ?? new VoucherThrottle();
    this.online = opts.online ?? (() => true);
    this.live = {
      saved: false,
      customer: (key) => this.subjects.get(key),
      voucher: (key) => findVoucherSubject(this.db, key),
      byMac: (key, mac) => findAuthSubjectByMac(this.db, { ...key, mac }),
      settings: (tenantId) => this.settings.get(tenantId),
    };
    const snap = opts.snapshot;
    this.saved = snap
      ? {
          saved: true,
          customer: (key) => snap.customer(key),
          voucher: (key) => snap.voucher(key),
          byMac: (key, mac) => snap.byMac(key, mac),
          settings: (tenantId) => snap.settings(tenantId),
        }
      : null;
  }

  /** The handler the pipeline calls: the signed Accept or Reject for one verified Access-Request. */
  async handle(ctx: RequestContext, packet: RadiusPacket): Promise<AuthOutcome> {
    if (this.saved && !this.online()) return this.decide(packet, ctx.router, this.saved);
    try {
      return await this.decide(packet, ctx.router, this.live);
    } catch (e) {
      // The database went away before the health check noticed: answer from the saved state.
      if (!this.saved) throw e;
      this.log.debug({ err: (e as Error).message }, "authorisation lookup failed; using the saved snapshot");
      return this.decide(packet, ctx.router, this.saved);
    }
  }

  private async decide(packet: RadiusPacket, router: RouterEntry, source: SubjectSource): Promise<AuthOutcome> {
    const username = packet.getString("User-Name") ?? "";
    const credential = credentialOf(packet);
    const reject = (reason: RejectReason | HandlerRejectReason, mschapIdent?: number, detail?: string): AuthOutcome => {
      const message = reason in REJECT_MESSAGES ? REJECT_MESSAGES[reason as RejectReason] : HANDLER_MESSAGES[reason as HandlerRejectReason];
      const attributes: NamedAttribute[] = [["Reply-Message", message]];
      if (mschapIdent !== undefined) attributes.push(["MS-CHAP-Error", mschapErrorValue(mschapIdent)]);
      const reply = encodeResponse({ request: packet, code: RadiusCode.AccessReject, secret: router.secret, attributes });
      return { reply, accepted: false, username: username || null, reason: detail ? `${reason}:${detail}` : reason };
    };
    if (!username) return reject("no_username");
    // PostgreSQL text cannot hold NUL, and no real login contains control characters or invalid UTF-8.
    if (/[\u0000-\u001f\ufffd]/.test(username) || username.length > 253) return reject("unknown_user");
    // MikroTik MAC authentication may send no password at all; only the MAC path accepts that.
    if (!credential && !canonicalMac(username)) return reject("no_credentials");
    const cred: Credential = credential ?? { kind: "none" };
    const mschapIdent = cred.kind === "mschapv1" || cred.kind === "mschapv2" ? cred.response[0] : undefined;

    const connection = connectionKindOf(packet);
    const key: AuthKey = { tenantId: router.tenantId, routerId: router.id, username };
    const cached = cred.kind === "none" ? null : await source.customer(key);
    let subject: AuthSubject | null = cached?.subject ?? null;
    let candidates: string[] = [];
    let viaMac = false;
    const callingMac = canonicalMac(packet.getString("Calling-Station-Id"));
    let throttled: ThrottleVerdict = null;
    if (cached?.subject) {
      const pw = cached.password();
      if (pw !== null) candidates = [pw];
    } else if (connection !== "PPPOE") {
      // Voucher codes are guessed by trying them: a MAC or router with too many misses gets no lookup.
      throttled = cred.kind === "none" ? null : this.voucherThrottle.check(router.id, callingMac);
      subject = cred.kind === "none" || throttled ? null : await source.voucher(key);
      // Hotspot vouchers log in with the code as user name, and the code or nothing as password.
      if (subject) candidates = [subject.voucherCode!, ""];
      else {
        const mac = canonicalMac(username);
        if (mac) {
          subject = await source.byMac(key, mac);
          // MikroTik MAC authentication: empty password, or the MAC itself ("as-username-and-password").
          if (subject) {
            candidates = ["", username];
            viaMac = true;
          }
        }
      }
    }
    if (!subject) {
      if (throttled) return reject("voucher_throttled", mschapIdent, throttled);
      // The saved state is bounded: a name it lacks may well exist, so say nothing rather than "no".
      if (source.saved) throw new NotInSnapshot();
      if (connection !== "PPPOE" && cred.kind !== "none" && !cached?.subject) this.voucherThrottle.failed(router.id, callingMac);
      return reject("unknown_user", mschapIdent);
    }

    let mschapAccept: NamedAttribute[] = [];
    let verified = false;
    for (const pw of candidates) {
      if (cred.kind === "none") verified = viaMac && pw === "";
      else if (cred.kind === "pap") verified = verifyPapRequest(packet, router.secret, pw);
      else if (cred.kind === "chap") verified = verifyChapRequest(packet, pw);
      else if (cred.kind === "mschapv1") {
        verified = verifyMschapV1({ password: pw, challenge: cred.challenge, response50: cred.response }).ok;
      } else {
        const result = verifyMschapV2({ password: pw, username, authenticatorChallenge: cred.challenge, response50: cred.response });
        if (result.ok) {
          verified = true;
          mschapAccept = mschapV2AcceptAttributes({ password: pw, result, secret: router.secret, requestAuthenticator: packet.authenticator });
        }
      }
      if (verified) break;
    }
    if (!verified) {
      if (subject.kind === "voucher") this.voucherThrottle.failed(router.id, callingMac);
      return reject("wrong_password", mschapIdent);
    }

    const settings = await source.settings(router.tenantId);
    const decision = decideAccess(subject, { now: new Date(), connection, mac: callingMac, settings });
    if (!decision.accept) return reject(decision.reason, mschapIdent);

    const attributes = [...decision.attributes];
    if (decision.activateVoucher) {
      await activateVoucher(this.db, { tenantId: router.tenantId, voucherId: subject.id, expiresAt: decision.activateVoucher.expiresAt, mac: decision.activateVoucher.mac });
    }
    if (decision.needsPoolAddress && subject.ipPoolId) {
      // Without the database the router picks from its own pool of the same name.
      const ip = source.saved ? null : await allocateAddress(this.db, { tenantId: router.tenantId, poolId: subject.ipPoolId, customerId: subject.id }).catch((e: Error) => {
        this.log.warn({ err: e.message, tenantId: router.tenantId, customerId: subject.id }, "IP allocation failed");
        return null;
      });
      // The cached subject has no address yet: read it afresh next time.
      if (subject.kind === "customer") this.subjects.invalidate(router.tenantId, subject.username);
      // Pool exhausted: let the router pick from its own pool of the same name.
      if (ip) attributes.push(["Framed-IP-Address", ip]);
      else if (subject.poolName) attributes.push(["Framed-Pool", subject.poolName]);
    }
    attributes.push(...mschapAccept);
    const reply = encodeResponse({ request: packet, code: RadiusCode.AccessAccept, secret: router.secret, attributes });
    return { reply, accepted: true, username, reason: decision.restricted ? `restricted:${decision.restricted}` : null };
  }
}
