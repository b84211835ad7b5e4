// MS-CHAP over RADIUS: MS-CHAPv2 (RFC 2759) and v1 (RFC 2433) verification, the MS-CHAP2-Success and
// MS-CHAP-Error values, and MPPE keys (RFC 3079 §3) encrypted for MS-MPPE-Send/Recv-Key (RFC 2548 §2.4).

import { createCipheriv, createHash, randomBytes } from "node:crypto";
import md4 from "js-md4";
import { constantTimeEqual, type RadiusSecret } from "./authenticator";
import { RadiusDecodeError, RadiusEncodeError } from "./errors";
import type { NamedAttribute } from "./packet";
import { md5ChainXor } from "./pap";

// RFC 2759 §8.7 and RFC 3079 §3.3-3.4 constants.
const AUTH_MAGIC_1 = Buffer.from("Magic server to client signing constant", "ascii");
const AUTH_MAGIC_2 = Buffer.from("Pad to make it do more than one iteration", "ascii");
const MPPE_MAGIC_1 = Buffer.from("This is the MPPE Master Key", "ascii");
const MPPE_MAGIC_2 = Buffer.from(
  "On the client side, this is the send key; on the server side, it is the receive key.",
  "ascii",
);
const MPPE_MAGIC_3 = Buffer.from(
  "On the client side, this is the receive key; on the server side, it is the send key.",
  "ascii",
);
const SHS_PAD_1 = Buffer.alloc(40, 0x00);
const SHS_PAD_2 = Buffer.alloc(40, 0xf2);

export const MSCHAP_RESPONSE_LENGTH = 50;
const NT_RESPONSE_LENGTH = 24;

// ---- primitives (RFC 2759 §8) ----------------------------------------------------------------

/** "DOMAIN\user" → "user": the challenge hash uses the bare user name (RFC 2759 §8.2). */
export function stripDomain(username: string): string {
  const slash = username.indexOf("\\");
  return slash < 0 ? username : username.slice(slash + 1);
}

export function md4Digest(data: Uint8Array): Buffer {
  return Buffer.from(md4.arrayBuffer(data));
}

/** NtPasswordHash: MD4 of the UTF-16LE password. */
export function ntPasswordHash(password: string): Buffer {
  return md4Digest(Buffer.from(password, "utf16le"));
}

/** HashNtPasswordHash: MD4 of the NT hash. */
export function hashNtPasswordHash(passwordHash: Buffer): Buffer {
  return md4Digest(passwordHash);
}

export function challengeHash(peerChallenge: Buffer, authenticatorChallenge: Buffer, username: string): Buffer {
  return createHash("sha1")
    .update(peerChallenge)
    .update(authenticatorChallenge)
    .update(Buffer.from(stripDomain(username), "utf8"))
    .digest()
    .subarray(0, 8);
}

/** Spread 56 key bits over 8 bytes, 7 per byte, with odd parity in the low bit (RFC 2759 §8.6). */
export function expandDesKey(key7: Buffer): Buffer {
  const out = Buffer.alloc(8);
  for (let i = 0; i < 8; i++) {
    const previous = i === 0 ? 0 : key7[i - 1];
    const current = i === 7 ? 0 : key7[i];
    const bits = ((previous << (8 - i)) | (current >> i)) & 0xfe;
    out[i] = bits | (popcount(bits) % 2 === 0 ? 1 : 0);
  }
  return out;
}

function popcount(byte: number): number {
  let count = 0;
  for (let b = byte; b; b >>= 1) count += b & 1;
  return count;
}

/** Single DES as 3DES-EDE with K‖K‖K: plain DES is only in OpenSSL 3's legacy provider. */
function desEncrypt(key7: Buffer, block: Buffer): Buffer {
  const key = expandDesKey(key7);
  const cipher = createCipheriv("des-ede3-ecb", Buffer.concat([key, key, key]), null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/** ChallengeResponse: the 8-byte challenge DES-encrypted under three 7-byte slices of the zero-padded hash. */
export function challengeResponse(challenge: Buffer, passwordHash: Buffer): Buffer {
  const padded = Buffer.alloc(21);
  passwordHash.copy(padded);
  return Buffer.concat([0, 7, 14].map((offset) => desEncrypt(padded.subarray(offset, offset + 7), challenge)));
}

export function generateNtResponse(input: {
  authenticatorChallenge: Buffer;
  peerChallenge: Buffer;
  username: string;
  passwordHash: Buffer;
}): Buffer {
  const hash = challengeHash(input.peerChallenge, input.authenticatorChallenge, input.username);
  return challengeResponse(hash, input.passwordHash);
}

/** GenerateAuthenticatorResponse: "S=" and 40 uppercase hex digits (RFC 2759 §8.7). */
export function generateAuthenticatorResponse(input: {
  passwordHash: Buffer;
  ntResponse: Buffer;
  peerChallenge: Buffer;
  authenticatorChallenge: Buffer;
  username: string;
}): string {
  const inner = createHash("sha1")
    .update(hashNtPasswordHash(input.passwordHash))
    .update(input.ntResponse)
    .update(AUTH_MAGIC_1)
    .digest();
  const hash = challengeHash(input.peerChallenge, input.authenticatorChallenge, input.username);
  const digest = createHash("sha1").update(inner).update(hash).update(AUTH_MAGIC_2).digest();
  return `S=${digest.toString("hex").toUpperCase()}`;
}

// ---- verification ----------------------------------------------------------------------------

/** Either the cleartext password or its stored NT hash (MD4 of UTF-16LE). */
export type MschapCredentials = { password: string } | { ntHash: Buffer };

export function passwordHashOf(credentials: MschapCredentials): Buffer {
  return "ntHash" in credentials ? credentials.ntHash : ntPasswordHash(credentials.password);
}

export type VerifyMschapV2Input = MschapCredentials & {
  /** The User-Name attribute; a "DOMAIN\" prefix is stripped. */
  username: string;
  /** MS-CHAP-Challenge (16 bytes). */
  authenticatorChallenge: Buffer;
  /** MS-CHAP2-Response (50 bytes): Ident, Flags, Peer-Challenge(16), Reserved(8), NT-Response(24). */
  response50: Buffer;
};

export type MschapV2Result =
  | { ok: true; ident: number; ntResponse: Buffer; authenticatorResponse: string }
  | { ok: false; reason: "malformed" | "mismatch"; ident?: number };

export function verifyMschapV2(input: VerifyMschapV2Input): MschapV2Result {
  const { response50, authenticatorChallenge } = input;
  if (response50.length !== MSCHAP_RESPONSE_LENGTH || authenticatorChallenge.length !== 16) {
    return { ok: false, reason: "malformed", ident: response50.length > 0 ? response50[0] : undefined };
  }
  const ident = response50[0];
  const peerChallenge = response50.subarray(2, 18);
  const ntResponse = Buffer.from(response50.subarray(26, 50));
  const passwordHash = passwordHashOf(input);
  const expected = generateNtResponse({ authenticatorChallenge, peerChallenge, username: input.username, passwordHash });
  if (!constantTimeEqual(expected, ntResponse)) return { ok: false, reason: "mismatch", ident };
  const authenticatorResponse = generateAuthenticatorResponse({
    passwordHash,
    ntResponse,
    peerChallenge,
    authenticatorChallenge,
    username: input.username,
  });
  return { ok: true, ident, ntResponse, authenticatorResponse };
}

/** Client side (tests, benchmarks, the NAS simulator): the 50-byte MS-CHAP2-Response value. */
export function generateMschapV2Response(
  input: MschapCredentials & {
    username: string;
    authenticatorChallenge: Buffer;
    peerChallenge?: Buffer;
    ident?: number;
  },
): Buffer {
  const peerChallenge = input.peerChallenge ?? randomBytes(16);
  const passwordHash = passwordHashOf(input);
  const nt = generateNtResponse({
    authenticatorChallenge: input.authenticatorChallenge,
    peerChallenge,
    username: input.username,
    passwordHash,
  });
  return Buffer.concat([Buffer.from([input.ident ?? 0, 0]), peerChallenge, Buffer.alloc(8), nt]);
}

export type VerifyMschapV1Input = MschapCredentials & {
  /** MS-CHAP-Challenge (8 bytes). */
  challenge: Buffer;
  /** MS-CHAP-Response (50 bytes): Ident, Flags, LM-Response(24), NT-Response(24). */
  response50: Buffer;
};

/**
 * MS-CHAPv1 (RFC 2433; what radtest -t mschap and some NASes send). Only the NT response is accepted:
 * a response flagged LM-only (Flags = 0) is refused, as LM hashes are trivially crackable.
 */
export function verifyMschapV1(input: VerifyMschapV1Input): { ok: boolean; ident?: number } {
  const { response50, challenge } = input;
  if (response50.length !== MSCHAP_RESPONSE_LENGTH || challenge.length !== 8) return { ok: false };
  const ident = response50[0];
  if (response50[1] !== 1) return { ok: false, ident };
  const expected = challengeResponse(challenge, passwordHashOf(input));
  return { ok: constantTimeEqual(expected, response50.subarray(26, 26 + NT_RESPONSE_LENGTH)), ident };
}

// ---- reply values ----------------------------------------------------------------------------

/** MS-CHAP2-Success: Ident ‖ "S=<40 hex>" (RFC 2548 §2.3.3). */
export function mschapV2SuccessValue(ident: number, authenticatorResponse: string): Buffer {
  if (!/^S=[0-9A-F]{40}$/.test(authenticatorResponse)) {
    throw new RadiusEncodeError("bad_value", "authenticatorResponse must be S= and 40 uppercase hex digits");
  }
  return Buffer.concat([Buffer.from([ident & 0xff]), Buffer.from(authenticatorResponse, "ascii")]);
}

/**
 * MS-CHAP-Error: Ident ‖ "E=<code> R=<retry> C=<32 hex> V=3" (RFC 2759 §6). 691 is authentication
 * failure, 648 password expired. C is a fresh challenge for a retry; random unless given.
 */
export function mschapErrorValue(
  ident: number,
  options: { code?: number; retry?: boolean; challenge?: Buffer } = {},
): Buffer {
  const challenge = options.challenge ?? randomBytes(16);
  if (challenge.length !== 16) throw new RadiusEncodeError("bad_value", "the MS-CHAP-Error challenge is 16 bytes");
  const text = `E=${options.code ?? 691} R=${options.retry ? 1 : 0} C=${challenge.toString("hex").toUpperCase()} V=3`;
  return Buffer.concat([Buffer.from([ident & 0xff]), Buffer.from(text, "ascii")]);
}

// ---- MPPE keys (RFC 3079 §3.3-3.4) -----------------------------------------------------------

export function getMasterKey(passwordHashHash: Buffer, ntResponse: Buffer): Buffer {
  return createHash("sha1").update(passwordHashHash).update(ntResponse).update(MPPE_MAGIC_1).digest().subarray(0, 16);
}

export function getAsymmetricStartKey(
  masterKey: Buffer,
  keyLength: number,
  isSend: boolean,
  isServer: boolean,
): Buffer {
  // The server's send key is the client's receive key: both use Magic3.
  const magic = isSend === isServer ? MPPE_MAGIC_3 : MPPE_MAGIC_2;
  return createHash("sha1")
    .update(masterKey)
    .update(SHS_PAD_1)
    .update(magic)
    .update(SHS_PAD_2)
    .digest()
    .subarray(0, keyLength);
}

/** Server-side 128-bit MPPE keys, as FreeRADIUS mppe_chap2_gen_keys128 derives them. */
export function mppeServerKeys128(input: MschapCredentials & { ntResponse: Buffer }): {
  sendKey: Buffer;
  recvKey: Buffer;
} {
  const masterKey = getMasterKey(hashNtPasswordHash(passwordHashOf(input)), input.ntResponse);
  return {
    sendKey: getAsymmetricStartKey(masterKey, 16, true, true),
    recvKey: getAsymmetricStartKey(masterKey, 16, false, true),
  };
}

// ---- RFC 2548 §2.4.2 key attribute encryption ------------------------------------------------

/** A 2-byte salt with the high bit set, as RFC 2548 §2.4.2 requires. */
export function randomSalt(): Buffer {
  const salt = randomBytes(2);
  salt[0] |= 0x80;
  return salt;
}

/** Salt ‖ MD5-chain-encrypted (key length ‖ key ‖ zero padding to a multiple of 16). */
export function encryptMppeKey(input: {
  key: Buffer;
  secret: RadiusSecret;
  requestAuthenticator: Buffer;
  salt?: Buffer;
}): Buffer {
  const salt = input.salt ?? randomSalt();
  if (salt.length !== 2 || (salt[0] & 0x80) === 0) {
    throw new RadiusEncodeError("bad_value", "an MPPE salt is 2 bytes with the high bit set");
  }
  if (input.key.length === 0 || input.key.length > 255) throw new RadiusEncodeError("bad_value", "bad MPPE key length");
  const plain = Buffer.alloc(Math.ceil((input.key.length + 1) / 16) * 16);
  plain[0] = input.key.length;
  input.key.copy(plain, 1);
  const iv = Buffer.concat([input.requestAuthenticator, salt]);
  return Buffer.concat([salt, md5ChainXor(plain, input.secret, iv, true)]);
}

export function decryptMppeKey(input: { value: Buffer; secret: RadiusSecret; requestAuthenticator: Buffer }): Buffer {
  const { value } = input;
  if (value.length < 18 || (value.length - 2) % 16 !== 0 || (value[0] & 0x80) === 0) {
    throw new RadiusDecodeError("bad_attribute_value", "malformed salt-encrypted MPPE key");
  }
  const iv = Buffer.concat([input.requestAuthenticator, value.subarray(0, 2)]);
  const plain = md5ChainXor(value.subarray(2), input.secret, iv, false);
  if (plain[0] === 0 || plain[0] > plain.length - 1) {
    throw new RadiusDecodeError("bad_attribute_value", "MPPE key length byte is out of range");
  }
  return plain.subarray(1, 1 + plain[0]);
}

/**
 * The Access-Accept attributes for a successful MS-CHAPv2: MS-CHAP2-Success, both MPPE keys (with
 * distinct salts) and the encryption policy/types FreeRADIUS sends by default (allowed, 40 or 128 bit).
 */
export function mschapV2AcceptAttributes(
  input: MschapCredentials & {
    result: { ident: number; ntResponse: Buffer; authenticatorResponse: string };
    secret: RadiusSecret;
    requestAuthenticator: Buffer;
  },
): NamedAttribute[] {
  const { sendKey, recvKey } = mppeServerKeys128({ ...credentialsOf(input), ntResponse: input.result.ntResponse });
  const sendSalt = randomSalt();
  let recvSalt = randomSalt();
  while (recvSalt.equals(sendSalt)) recvSalt = randomSalt();
  const encrypt = (key: Buffer, salt: Buffer) =>
    encryptMppeKey({ key, salt, secret: input.secret, requestAuthenticator: input.requestAuthenticator });
  return [
    ["MS-CHAP2-Success", mschapV2SuccessValue(input.result.ident, input.result.authenticatorResponse)],
    ["MS-MPPE-Recv-Key", encrypt(recvKey, recvSalt)],
    ["MS-MPPE-Send-Key", encrypt(sendKey, sendSalt)],
    ["MS-MPPE-Encryption-Policy", "Encryption-Allowed"],
    ["MS-MPPE-Encryption-Types", "RC4-40or128-bit-Allowed"],
  ];
}

function credentialsOf(input: MschapCredentials): MschapCredentials {
  return "ntHash" in input ? { ntHash: input.ntHash } : { password: input.password };
}
