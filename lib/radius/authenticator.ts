// Packet authenticators: Request/Response Authenticator MD5s (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3)
// and Message-Authenticator HMAC-MD5 (RFC 3579 §3.2, RFC 5176 §3.4). All comparisons are constant time.

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { isRandomAuthenticatorCode, isSignedRequestCode } from "./codes";
import { RadiusEncodeError } from "./errors";
import { HEADER_LENGTH } from "./packet";

export type RadiusSecret = string | Buffer;

export const MESSAGE_AUTHENTICATOR = 80;
const MA_ATTRIBUTE_LENGTH = 18;
const ZERO_AUTHENTICATOR = Buffer.alloc(16);

/** RFC 2865 §3 forbids an empty secret; a missing secret must never silently "verify". */
export function secretBytes(secret: RadiusSecret): Buffer {
  const bytes = typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;
  if (bytes.length === 0) throw new RadiusEncodeError("bad_secret", "the RADIUS shared secret must not be empty");
  return bytes;
}

export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** MD5(Code ‖ ID ‖ Length ‖ authenticator ‖ attributes ‖ secret) over a packet's bytes. */
function md5WithAuthenticator(packet: Buffer, authenticator: Buffer, secret: RadiusSecret): Buffer {
  return createHash("md5")
    .update(packet.subarray(0, 4))
    .update(authenticator)
    .update(packet.subarray(HEADER_LENGTH))
    .update(secretBytes(secret))
    .digest();
}

/** Response Authenticator for a reply (any code) to a request with the given authenticator. */
export function computeResponseAuthenticator(
  response: Buffer,
  requestAuthenticator: Buffer,
  secret: RadiusSecret,
): Buffer {
  return md5WithAuthenticator(response, requestAuthenticator, secret);
}

/** Request Authenticator of Accounting-Request, CoA-Request and Disconnect-Request: over 16 zero bytes. */
export function computeRequestAuthenticator(request: Buffer, secret: RadiusSecret): Buffer {
  return md5WithAuthenticator(request, ZERO_AUTHENTICATOR, secret);
}

export function verifyRequestAuthenticator(request: Buffer, secret: RadiusSecret): boolean {
  return constantTimeEqual(computeRequestAuthenticator(request, secret), request.subarray(4, HEADER_LENGTH));
}

export function verifyResponseAuthenticator(
  response: Buffer,
  requestAuthenticator: Buffer,
  secret: RadiusSecret,
): boolean {
  const expected = computeResponseAuthenticator(response, requestAuthenticator, secret);
  return constantTimeEqual(expected, response.subarray(4, HEADER_LENGTH));
}

/**
 * The authenticator that goes into the Message-Authenticator HMAC: the packet's own random one for
 * Access-Request/Status-Server, zeros for accounting-style requests (RFC 5176 §3.4), and the
 * request's authenticator for every reply.
 */
export function hmacAuthenticatorFor(code: number, ownAuthenticator: Buffer, requestAuthenticator?: Buffer): Buffer {
  if (isRandomAuthenticatorCode(code)) return ownAuthenticator;
  if (isSignedRequestCode(code)) return ZERO_AUTHENTICATOR;
  if (!requestAuthenticator || requestAuthenticator.length !== 16) {
    throw new RadiusEncodeError("bad_header", "a reply's Message-Authenticator needs the request authenticator");
  }
  return requestAuthenticator;
}

/** Offsets of every top-level attribute of the given type; bounds-checked so it is safe on any bytes. */
export function findAttributeOffsets(packet: Buffer, type: number): number[] {
  const offsets: number[] = [];
  const end = Math.min(packet.length, packet.length >= 4 ? packet.readUInt16BE(2) : 0);
  let offset = HEADER_LENGTH;
  while (offset + 2 <= end) {
    const length = packet[offset + 1];
    if (length < 2 || offset + length > end) break;
    if (packet[offset] === type) offsets.push(offset);
    offset += length;
  }
  return offsets;
}

/**
 * HMAC-MD5 keyed with the secret over the packet with `authenticator` in the header and the
 * Message-Authenticator value zeroed. The packet must contain exactly one Message-Authenticator.
 */
export function computeMessageAuthenticator(packet: Buffer, secret: RadiusSecret, authenticator: Buffer): Buffer {
  const offsets = findAttributeOffsets(packet, MESSAGE_AUTHENTICATOR);
  if (offsets.length !== 1 || packet[offsets[0] + 1] !== MA_ATTRIBUTE_LENGTH) {
    throw new RadiusEncodeError("bad_value", "the packet needs exactly one 18-byte Message-Authenticator");
  }
  return hmacOver(packet, offsets[0], secret, authenticator);
}

function hmacOver(packet: Buffer, maOffset: number, secret: RadiusSecret, authenticator: Buffer): Buffer {
  const copy = Buffer.from(packet);
  authenticator.copy(copy, 4);
  copy.fill(0, maOffset + 2, maOffset + MA_ATTRIBUTE_LENGTH);
  return createHmac("md5", secretBytes(secret)).update(copy).digest();
}

/** Compute the Message-Authenticator and write it into the packet in place. */
export function signMessageAuthenticator(packet: Buffer, secret: RadiusSecret, authenticator: Buffer): void {
  const ma = computeMessageAuthenticator(packet, secret, authenticator);
  const offset = findAttributeOffsets(packet, MESSAGE_AUTHENTICATOR)[0];
  ma.copy(packet, offset + 2);
}

export type MessageAuthenticatorStatus = "valid" | "invalid" | "missing";

/** Two Message-Authenticators, or one of the wrong size, count as invalid: a receiver must discard. */
export function verifyMessageAuthenticator(
  packet: Buffer,
  secret: RadiusSecret,
  authenticator: Buffer,
): MessageAuthenticatorStatus {
  const offsets = findAttributeOffsets(packet, MESSAGE_AUTHENTICATOR);
  if (offsets.length === 0) return "missing";
  if (offsets.length > 1 || packet[offsets[0] + 1] !== MA_ATTRIBUTE_LENGTH) return "invalid";
  const offset = offsets[0];
  const expected = hmacOver(packet, offset, secret, authenticator);
  const actual = packet.subarray(offset + 2, offset + MA_ATTRIBUTE_LENGTH);
  return constantTimeEqual(expected, actual) ? "valid" : "invalid";
}
