// Integrity checks for received packets: a request arriving at our server (verifyRequest) and a reply
// to a request we sent, e.g. a CoA-ACK/NAK from a NAS (verifyResponse). Results, never exceptions.

import {
  hmacAuthenticatorFor,
  verifyMessageAuthenticator,
  verifyRequestAuthenticator,
  verifyResponseAuthenticator,
  type MessageAuthenticatorStatus,
  type RadiusSecret,
} from "./authenticator";
import { isRandomAuthenticatorCode, isSignedRequestCode, RadiusCode, REPLY_CODES } from "./codes";
import type { RadiusPacket } from "./packet";

export type VerifyFailure =
  | "not_a_request"
  | "identifier_mismatch"
  | "unexpected_code"
  | "bad_authenticator"
  | "bad_message_authenticator"
  | "missing_message_authenticator";

export type VerifyResult =
  | { ok: true; messageAuthenticator: Exclude<MessageAuthenticatorStatus, "invalid"> }
  | { ok: false; reason: VerifyFailure };

export interface VerifyRequestOptions {
  /** BlastRADIUS mitigation 1: Access-Request and Status-Server must carry a Message-Authenticator. Default true. */
  requireMessageAuthenticator?: boolean;
  /**
   * BlastRADIUS mitigation 4, for NASes that cannot send one: when the MA is not required, still
   * drop an Access-Request carrying Proxy-State without it. Default true.
   */
  limitProxyState?: boolean;
}

/** Check a request's authenticator and Message-Authenticator per its code. */
export function verifyRequest(
  packet: RadiusPacket,
  secret: RadiusSecret,
  options: VerifyRequestOptions = {},
): VerifyResult {
  const randomAuth = isRandomAuthenticatorCode(packet.code);
  if (!randomAuth && !isSignedRequestCode(packet.code)) return { ok: false, reason: "not_a_request" };
  if (!randomAuth && !verifyRequestAuthenticator(packet.raw, secret)) return { ok: false, reason: "bad_authenticator" };

  const authenticator = hmacAuthenticatorFor(packet.code, packet.authenticator);
  const ma = verifyMessageAuthenticator(packet.raw, secret, authenticator);
  if (ma === "invalid") return { ok: false, reason: "bad_message_authenticator" };
  if (ma === "missing" && randomAuth && mustCarryMessageAuthenticator(packet, options)) {
    return { ok: false, reason: "missing_message_authenticator" };
  }
  return { ok: true, messageAuthenticator: ma };
}

function mustCarryMessageAuthenticator(packet: RadiusPacket, options: VerifyRequestOptions): boolean {
  if (options.requireMessageAuthenticator ?? true) return true;
  // RFC 3579 §3.2 (EAP) and RFC 5997 §3 (Status-Server) make it mandatory whatever the policy.
  if (packet.code === RadiusCode.StatusServer || packet.has("EAP-Message")) return true;
  return (options.limitProxyState ?? true) && packet.has("Proxy-State");
}

/** The parts of a request we sent that a reply is checked against. */
export interface SentRequest {
  readonly code: number;
  readonly identifier: number;
  readonly authenticator: Buffer;
}

export interface VerifyResponseInput {
  request: SentRequest;
  response: RadiusPacket;
  secret: RadiusSecret;
  /** Default: true for replies to Access-Request (BlastRADIUS mitigation 3), false otherwise. */
  requireMessageAuthenticator?: boolean;
}

/** Client side: is this reply an authentic answer to the request we sent? */
export function verifyResponse(input: VerifyResponseInput): VerifyResult {
  const { request, response, secret } = input;
  if (response.identifier !== request.identifier) return { ok: false, reason: "identifier_mismatch" };
  if (!(REPLY_CODES[request.code] ?? []).includes(response.code)) return { ok: false, reason: "unexpected_code" };
  if (!verifyResponseAuthenticator(response.raw, request.authenticator, secret)) {
    return { ok: false, reason: "bad_authenticator" };
  }
  const ma = verifyMessageAuthenticator(response.raw, secret, request.authenticator);
  if (ma === "invalid") return { ok: false, reason: "bad_message_authenticator" };
  const required = input.requireMessageAuthenticator ?? request.code === RadiusCode.AccessRequest;
  if (ma === "missing" && required) return { ok: false, reason: "missing_message_authenticator" };
  return { ok: true, messageAuthenticator: ma };
}
