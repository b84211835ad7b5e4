// CHAP verification (RFC 2865 §2.2, §5.3, §5.40; RFC 1994): MD5(Ident ‖ password ‖ challenge).

import { createHash } from "node:crypto";
import { constantTimeEqual } from "./authenticator";
import { RadiusEncodeError } from "./errors";
import type { RadiusPacket } from "./packet";

const CHAP_PASSWORD_LENGTH = 17;

/** The 17-byte CHAP-Password value a client sends: Ident ‖ MD5(Ident ‖ password ‖ challenge). */
export function chapResponse(ident: number, password: string | Buffer, challenge: Buffer): Buffer {
  if (!Number.isInteger(ident) || ident < 0 || ident > 255) {
    throw new RadiusEncodeError("bad_value", `CHAP ident ${ident} is not 0..255`);
  }
  const digest = chapDigest(ident, password, challenge);
  return Buffer.concat([Buffer.from([ident]), digest]);
}

function chapDigest(ident: number, password: string | Buffer, challenge: Buffer): Buffer {
  const secret = typeof password === "string" ? Buffer.from(password, "utf8") : password;
  return createHash("md5").update(Buffer.from([ident])).update(secret).update(challenge).digest();
}

/** Verify a CHAP-Password value against a known cleartext password. */
export function verifyChap(input: { chapPassword: Buffer; challenge: Buffer; password: string | Buffer }): boolean {
  const { chapPassword, challenge, password } = input;
  if (chapPassword.length !== CHAP_PASSWORD_LENGTH || challenge.length === 0) return false;
  const expected = chapDigest(chapPassword[0], password, challenge);
  return constantTimeEqual(expected, chapPassword.subarray(1));
}

/** The challenge is CHAP-Challenge when present, otherwise the Request Authenticator (RFC 2865 §2.2). */
export function chapChallengeOf(packet: RadiusPacket): Buffer {
  return packet.getBuffer("CHAP-Challenge") ?? packet.authenticator;
}

/** Verify the CHAP-Password of an Access-Request; false when it is absent or malformed. */
export function verifyChapRequest(packet: RadiusPacket, password: string | Buffer): boolean {
  const chapPassword = packet.getBuffer("CHAP-Password");
  if (!chapPassword) return false;
  return verifyChap({ chapPassword, challenge: chapChallengeOf(packet), password });
}
