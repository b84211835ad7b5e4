// PAP User-Password hiding (RFC 2865 §5.2): the password XORed with an MD5 chain keyed by the shared
// secret and the Request Authenticator.

import { createHash } from "node:crypto";
import { constantTimeEqual, secretBytes, type RadiusSecret } from "./authenticator";
import { RadiusDecodeError, RadiusEncodeError } from "./errors";
import type { RadiusPacket } from "./packet";

export const MAX_PASSWORD_LENGTH = 128;
const BLOCK = 16;

/**
 * The MD5-chain XOR shared by User-Password and the RFC 2548 salted keys: b1 = MD5(secret ‖ iv),
 * bi = MD5(secret ‖ c(i-1)), where c is the ciphertext block (the input when hiding, the output when
 * revealing).
 */
export function md5ChainXor(input: Buffer, secret: RadiusSecret, iv: Buffer, hiding: boolean): Buffer {
  const key = secretBytes(secret);
  const out = Buffer.alloc(input.length);
  let previous = iv;
  for (let offset = 0; offset < input.length; offset += BLOCK) {
    const pad = createHash("md5").update(key).update(previous).digest();
    for (let i = 0; i < BLOCK; i++) out[offset + i] = input[offset + i] ^ pad[i];
    previous = (hiding ? out : input).subarray(offset, offset + BLOCK);
  }
  return out;
}

/** Hide a password for an Access-Request; NUL-padded to a multiple of 16 (at least one block). */
export function hidePassword(password: string | Buffer, secret: RadiusSecret, authenticator: Buffer): Buffer {
  const plain = typeof password === "string" ? Buffer.from(password, "utf8") : password;
  if (plain.length > MAX_PASSWORD_LENGTH) {
    throw new RadiusEncodeError("value_too_long", `a User-Password is at most ${MAX_PASSWORD_LENGTH} bytes`);
  }
  const padded = Buffer.alloc(Math.max(BLOCK, Math.ceil(plain.length / BLOCK) * BLOCK));
  plain.copy(padded);
  return md5ChainXor(padded, secret, authenticator, true);
}

/** Reveal a User-Password value; trailing NULs (the padding) are stripped. */
export function unhidePassword(hidden: Buffer, secret: RadiusSecret, authenticator: Buffer): Buffer {
  if (hidden.length < BLOCK || hidden.length > MAX_PASSWORD_LENGTH || hidden.length % BLOCK !== 0) {
    throw new RadiusDecodeError("bad_password", `User-Password is ${hidden.length} bytes, not a multiple of 16 in 16..128`);
  }
  const plain = md5ChainXor(hidden, secret, authenticator, false);
  let end = plain.length;
  while (end > 0 && plain[end - 1] === 0) end--;
  return plain.subarray(0, end);
}

/**
 * Compare a hidden User-Password with the expected cleartext. Both sides are hashed first so the
 * comparison is constant time regardless of length.
 */
export function verifyPapPassword(input: {
  hidden: Buffer;
  secret: RadiusSecret;
  authenticator: Buffer;
  password: string | Buffer;
}): boolean {
  let revealed: Buffer;
  try {
    revealed = unhidePassword(input.hidden, input.secret, input.authenticator);
  } catch (error) {
    if (error instanceof RadiusDecodeError) return false;
    throw error;
  }
  const expected = typeof input.password === "string" ? Buffer.from(input.password, "utf8") : input.password;
  return constantTimeEqual(sha256(revealed), sha256(expected));
}

function sha256(data: Buffer): Buffer {
  return createHash("sha256").update(data).digest();
}

/** Verify the User-Password of an Access-Request; false when it is absent or malformed. */
export function verifyPapRequest(packet: RadiusPacket, secret: RadiusSecret, password: string | Buffer): boolean {
  const hidden = packet.getBuffer("User-Password");
  if (!hidden) return false;
  return verifyPapPassword({ hidden, secret, authenticator: packet.authenticator, password });
}
