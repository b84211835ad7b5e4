// Signed packet builders: server replies (Message-Authenticator first, Proxy-State copied) and client
// requests (Access-Request, and accounting-style Accounting/CoA/Disconnect requests per RFC 5176 §3.4).

import { randomBytes } from "node:crypto";
import {
  computeRequestAuthenticator,
  computeResponseAuthenticator,
  MESSAGE_AUTHENTICATOR,
  signMessageAuthenticator,
  type RadiusSecret,
} from "./authenticator";
import { chapResponse } from "./chap";
import { RadiusCode, REPLY_CODES, type RadiusCodeValue } from "./codes";
import { RadiusEncodeError } from "./errors";
import { assemblePacket, encodeAttribute, type AttributeInput, type RadiusPacket } from "./packet";
import { hidePassword } from "./pap";

const PROXY_STATE = 33;
const ACCESS_REPLIES: ReadonlySet<number> = new Set([
  RadiusCode.AccessAccept,
  RadiusCode.AccessReject,
  RadiusCode.AccessChallenge,
]);

/** An empty Message-Authenticator, filled in once the rest of the packet is final. */
function placeholderMessageAuthenticator(): Buffer {
  return encodeAttribute({ type: MESSAGE_AUTHENTICATOR, value: Buffer.alloc(16) });
}

/**
 * The Message-Authenticator is always owned by these builders, and so is Proxy-State in replies
 * (copied from the request); a proxy may add Proxy-State to a request it forwards.
 */
function encodeCallerAttributes(attributes: readonly AttributeInput[], reserved: readonly number[]): Buffer[] {
  return attributes.map((input) => {
    const encoded = encodeAttribute(input);
    if (reserved.includes(encoded[0])) {
      throw new RadiusEncodeError("reserved_attribute", `attribute ${encoded[0]} is added by the packet builder`);
    }
    return encoded;
  });
}

// ---- server side: replies ------------------------------------------------------------------

export interface EncodeResponseInput {
  request: RadiusPacket;
  code: RadiusCodeValue;
  secret: RadiusSecret;
  attributes?: readonly AttributeInput[];
  /**
   * Add a Message-Authenticator to an Accounting-Response or CoA/Disconnect ACK/NAK. Access-Accept,
   * -Reject and -Challenge always carry one (BlastRADIUS), as do replies to Status-Server.
   */
  messageAuthenticator?: boolean;
}

/**
 * Encode a reply: Message-Authenticator as the FIRST attribute where present (CVE-2024-3596), then the
 * caller's attributes, then every Proxy-State of the request in order (RFC 2865 §5.33). The MA is
 * computed with the request authenticator before the Response Authenticator (RFC 3579 §3.2).
 */
export function encodeResponse(input: EncodeResponseInput): Buffer {
  const { request, code, secret } = input;
  if (!(REPLY_CODES[request.code] ?? []).includes(code)) {
    throw new RadiusEncodeError("bad_code", `code ${code} is not a reply to a code ${request.code} request`);
  }
  const withMa =
    ACCESS_REPLIES.has(code) || request.code === RadiusCode.StatusServer || input.messageAuthenticator === true;
  const proxyStates = request.getAll("Proxy-State").map((value) => encodeAttribute({ type: PROXY_STATE, value }));
  const attributes = [
    ...(withMa ? [placeholderMessageAuthenticator()] : []),
    ...encodeCallerAttributes(input.attributes ?? [], [MESSAGE_AUTHENTICATOR, PROXY_STATE]),
    ...proxyStates,
  ];
  const packet = assemblePacket(code, request.identifier, request.authenticator, attributes);
  if (withMa) signMessageAuthenticator(packet, secret, request.authenticator);
  computeResponseAuthenticator(packet, request.authenticator, secret).copy(packet, 4);
  return packet;
}

// ---- client side: requests -----------------------------------------------------------------

type SignedRequestCode =
  | typeof RadiusCode.AccountingRequest
  | typeof RadiusCode.CoaRequest
  | typeof RadiusCode.DisconnectRequest;

export interface EncodeRequestInput {
  code: SignedRequestCode;
  identifier: number;
  secret: RadiusSecret;
  attributes: readonly AttributeInput[];
  /** Optional for these codes (RFC 5176 §3.6; RFC 3579 §3.3 even discourages it for accounting). */
  messageAuthenticator?: boolean;
}

/**
 * Accounting-Request, CoA-Request or Disconnect-Request. With an MA (RFC 5176 §3.4): zero both the
 * authenticator and the MA, compute the MA, insert it, then the Request Authenticator over the final bytes.
 */
export function encodeRequest(input: EncodeRequestInput): Buffer {
  const withMa = input.messageAuthenticator === true;
  const attributes = [
    ...(withMa ? [placeholderMessageAuthenticator()] : []),
    ...encodeCallerAttributes(input.attributes, [MESSAGE_AUTHENTICATOR]),
  ];
  const packet = assemblePacket(input.code, input.identifier, undefined, attributes);
  if (withMa) signMessageAuthenticator(packet, input.secret, Buffer.alloc(16));
  computeRequestAuthenticator(packet, input.secret).copy(packet, 4);
  return packet;
}

export function encodeAccountingRequest(input: Omit<EncodeRequestInput, "code">): Buffer {
  return encodeRequest({ ...input, code: RadiusCode.AccountingRequest });
}

export interface EncodeAccessRequestInput {
  identifier: number;
  secret: RadiusSecret;
  attributes: readonly AttributeInput[];
  /** Random by default; fixed only in tests. */
  authenticator?: Buffer;
  /** PAP: hidden into User-Password. */
  password?: string | Buffer;
  /** CHAP: CHAP-Password; the challenge goes into CHAP-Challenge when given, else it is the authenticator. */
  chap?: { password: string | Buffer; ident?: number; challenge?: Buffer };
  /** Default true: servers hardened against BlastRADIUS require it. */
  messageAuthenticator?: boolean;
}

/** A client-side Access-Request (tests, benchmarks, the NAS simulator). */
export function encodeAccessRequest(input: EncodeAccessRequestInput): Buffer {
  const authenticator = input.authenticator ?? randomBytes(16);
  const withMa = input.messageAuthenticator ?? true;
  const credentials: AttributeInput[] = [];
  if (input.password !== undefined) {
    credentials.push(["User-Password", hidePassword(input.password, input.secret, authenticator)]);
  }
  if (input.chap) credentials.push(...chapAttributes(input.chap, authenticator));
  const attributes = [
    ...(withMa ? [placeholderMessageAuthenticator()] : []),
    ...encodeCallerAttributes([...input.attributes, ...credentials], [MESSAGE_AUTHENTICATOR]),
  ];
  const packet = assemblePacket(RadiusCode.AccessRequest, input.identifier, authenticator, attributes);
  if (withMa) signMessageAuthenticator(packet, input.secret, authenticator);
  return packet;
}

function chapAttributes(chap: NonNullable<EncodeAccessRequestInput["chap"]>, authenticator: Buffer): AttributeInput[] {
  const challenge = chap.challenge ?? authenticator;
  const value = chapResponse(chap.ident ?? 0, chap.password, challenge);
  const out: AttributeInput[] = [["CHAP-Password", value]];
  if (chap.challenge) out.push(["CHAP-Challenge", chap.challenge]);
  return out;
}
