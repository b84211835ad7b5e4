import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RadiusDecodeError, RadiusEncodeError } from "./errors";
import {
  challengeHash,
  challengeResponse,
  decryptMppeKey,
  encryptMppeKey,
  expandDesKey,
  generateAuthenticatorResponse,
  generateMschapV2Response,
  generateNtResponse,
  getAsymmetricStartKey,
  getMasterKey,
  hashNtPasswordHash,
  md4Digest,
  mppeServerKeys128,
  mschapErrorValue,
  mschapV2AcceptAttributes,
  mschapV2SuccessValue,
  ntPasswordHash,
  stripDomain,
  verifyMschapV1,
  verifyMschapV2,
} from "./mschap";
import { decodePacket } from "./packet";
import { md5ChainXor } from "./pap";
import { RADTEST_MSCHAP } from "./test-fixtures";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");
const upper = (buf: Buffer) => buf.toString("hex").toUpperCase();

// RFC 2759 §9.2 (repeated in RFC 3079 §3.5).
const USER = "User";
const PASSWORD = "clientPass";
const AUTH_CHALLENGE = hex("5B5D7C7D7B3F2F3E3C2C602132262628");
const PEER_CHALLENGE = hex("21402324255E262A28295F2B3A337C7E");
const NT_RESPONSE = "82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF";
const AUTH_RESPONSE = "S=407A5589115FD0D6209F510FE9C04566932CDA56";

function response50(ntResponse: Buffer, ident = 7, peer = PEER_CHALLENGE): Buffer {
  return Buffer.concat([Buffer.from([ident, 0]), peer, Buffer.alloc(8), ntResponse]);
}

describe("RFC 2759 §9.2 test vectors", () => {
  it("hashes the password (NtPasswordHash, HashNtPasswordHash)", () => {
    expect(upper(ntPasswordHash(PASSWORD))).toBe("44EBBA8D5312B8D611474411F56989AE");
    expect(upper(hashNtPasswordHash(ntPasswordHash(PASSWORD)))).toBe("41C00C584BD2D91C4017A2A12FA59F3F");
  });

  it("computes the challenge hash", () => {
    expect(upper(challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, USER))).toBe("D02E4386BCE91226");
  });

  it("computes the NT-Response", () => {
    const nt = generateNtResponse({
      authenticatorChallenge: AUTH_CHALLENGE,
      peerChallenge: PEER_CHALLENGE,
      username: USER,
      passwordHash: ntPasswordHash(PASSWORD),
    });
    expect(upper(nt)).toBe(NT_RESPONSE);
  });

  it("computes the AuthenticatorResponse", () => {
    const text = generateAuthenticatorResponse({
      passwordHash: ntPasswordHash(PASSWORD),
      ntResponse: hex(NT_RESPONSE),
      peerChallenge: PEER_CHALLENGE,
      authenticatorChallenge: AUTH_CHALLENGE,
      username: USER,
    });
    expect(text).toBe(AUTH_RESPONSE);
  });

  it("verifies the RFC response with the password or the stored NT hash", () => {
    const input = { username: USER, authenticatorChallenge: AUTH_CHALLENGE, response50: response50(hex(NT_RESPONSE)) };
    for (const result of [
      verifyMschapV2({ ...input, password: PASSWORD }),
      verifyMschapV2({ ...input, ntHash: ntPasswordHash(PASSWORD) }),
    ]) {
      expect(result).toEqual({ ok: true, ident: 7, ntResponse: hex(NT_RESPONSE), authenticatorResponse: AUTH_RESPONSE });
    }
  });

  it("strips a DOMAIN\\ prefix from the user name", () => {
    expect(stripDomain("CORP\\User")).toBe("User");
    expect(stripDomain("User")).toBe("User");
    const result = verifyMschapV2({
      username: "CORP\\User",
      password: PASSWORD,
      authenticatorChallenge: AUTH_CHALLENGE,
      response50: response50(hex(NT_RESPONSE)),
    });
    expect(result.ok).toBe(true);
  });
});

describe("RFC 3079 §3.5.3 MPPE vectors (128-bit)", () => {
  const masterKey = getMasterKey(hashNtPasswordHash(ntPasswordHash(PASSWORD)), hex(NT_RESPONSE));

  it("derives the master key", () => {
    expect(upper(masterKey)).toBe("FDECE3717A8C838CB388E527AE3CDD31");
  });

  it("derives SendStartKey128 from the server's point of view (Magic3)", () => {
    expect(upper(getAsymmetricStartKey(masterKey, 16, true, true))).toBe("8B7CDC149B993A1BA118CB153F56DCCB");
    // The client's receive key is the server's send key.
    expect(getAsymmetricStartKey(masterKey, 16, false, false)).toEqual(getAsymmetricStartKey(masterKey, 16, true, true));
  });

  it("gives the RFC's SendSessionKey128 through GetNewKeyFromSHA (checks the start key end to end)", () => {
    const start = getAsymmetricStartKey(masterKey, 16, true, true);
    const session = createHash("sha1")
      .update(start)
      .update(Buffer.alloc(40, 0))
      .update(start)
      .update(Buffer.alloc(40, 0xf2))
      .digest()
      .subarray(0, 16);
    expect(upper(session)).toBe("405CB2247A7956E6E211007AE27B22D4");
  });

  it("gives the server send (Magic3) and receive (Magic2) keys like FreeRADIUS mppe_chap2_gen_keys128", () => {
    const keys = mppeServerKeys128({ password: PASSWORD, ntResponse: hex(NT_RESPONSE) });
    expect(upper(keys.sendKey)).toBe("8B7CDC149B993A1BA118CB153F56DCCB");
    expect(upper(keys.recvKey)).toBe("D5F0E9521E3EA9589645E86051C82226");
    expect(mppeServerKeys128({ ntHash: ntPasswordHash(PASSWORD), ntResponse: hex(NT_RESPONSE) })).toEqual(keys);
  });
});

describe("MS-CHAPv2 verification", () => {
  const base = { username: "alice", authenticatorChallenge: randomBytes(16) };

  it("round-trips with the client-side generator", () => {
    const response = generateMschapV2Response({ ...base, password: "s3cret!", ident: 42 });
    expect(response.length).toBe(50);
    const result = verifyMschapV2({ ...base, password: "s3cret!", response50: response });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.ident).toBe(42);
      expect(result.authenticatorResponse).toMatch(/^S=[0-9A-F]{40}$/);
    }
  });

  it("rejects a wrong password, a wrong user name and a changed challenge", () => {
    const response = generateMschapV2Response({ ...base, password: "right", ident: 3 });
    expect(verifyMschapV2({ ...base, password: "wrong", response50: response })).toEqual({
      ok: false,
      reason: "mismatch",
      ident: 3,
    });
    expect(verifyMschapV2({ ...base, username: "bob", password: "right", response50: response }).ok).toBe(false);
    const otherChallenge = { ...base, authenticatorChallenge: randomBytes(16) };
    expect(verifyMschapV2({ ...otherChallenge, password: "right", response50: response }).ok).toBe(false);
  });

  it("rejects malformed inputs without throwing", () => {
    expect(verifyMschapV2({ ...base, password: "x", response50: Buffer.alloc(49) })).toMatchObject({
      ok: false,
      reason: "malformed",
    });
    expect(verifyMschapV2({ ...base, password: "x", response50: Buffer.alloc(0) })).toMatchObject({ ok: false });
    const badChallenge = { ...base, authenticatorChallenge: Buffer.alloc(8) };
    expect(verifyMschapV2({ ...badChallenge, password: "x", response50: Buffer.alloc(50) }).ok).toBe(false);
  });

  it("handles non-ASCII passwords as UTF-16LE", () => {
    const response = generateMschapV2Response({ ...base, password: "pässwörd€", ident: 1 });
    expect(verifyMschapV2({ ...base, password: "pässwörd€", response50: response }).ok).toBe(true);
    expect(verifyMschapV2({ ...base, password: "passwords", response50: response }).ok).toBe(false);
  });
});

describe("MS-CHAPv1 (RFC 2433 appendix B.2)", () => {
  const challenge = hex("102DB5DF085D3041");
  const nt = hex("4E9D3C8F9CFD385D5BF4D3246791956CA4C351AB409A3D61");

  it("reproduces the NT hash and NT response for password MyPw", () => {
    expect(upper(ntPasswordHash("MyPw"))).toBe("FC156AF7EDCD6C0EDDE3337D427F4EAC");
    expect(challengeResponse(challenge, ntPasswordHash("MyPw"))).toEqual(nt);
  });

  it("verifies an MS-CHAP-Response that uses the NT response", () => {
    const response = Buffer.concat([Buffer.from([5, 1]), Buffer.alloc(24), nt]);
    expect(verifyMschapV1({ password: "MyPw", challenge, response50: response })).toEqual({ ok: true, ident: 5 });
    expect(verifyMschapV1({ password: "MyPW", challenge, response50: response }).ok).toBe(false);
  });

  it("verifies what radtest -t mschap sends (FreeRADIUS radclient builds MS-CHAPv1)", () => {
    const packet = decodePacket(RADTEST_MSCHAP);
    const challenge = packet.getBuffer("MS-CHAP-Challenge") ?? Buffer.alloc(0);
    const response = packet.getBuffer("MS-CHAP-Response") ?? Buffer.alloc(0);
    expect(challenge.length).toBe(8);
    expect(verifyMschapV1({ password: PASSWORD, challenge, response50: response }).ok).toBe(true);
    expect(verifyMschapV1({ password: "clientpass", challenge, response50: response }).ok).toBe(false);
  });

  it("refuses LM-only responses and malformed lengths", () => {
    const lmOnly = Buffer.concat([Buffer.from([5, 0]), Buffer.alloc(24), nt]);
    expect(verifyMschapV1({ password: "MyPw", challenge, response50: lmOnly }).ok).toBe(false);
    expect(verifyMschapV1({ password: "MyPw", challenge: Buffer.alloc(16), response50: lmOnly }).ok).toBe(false);
    expect(verifyMschapV1({ password: "MyPw", challenge, response50: Buffer.alloc(10) }).ok).toBe(false);
  });
});

describe("DES key expansion", () => {
  it("spreads 56 bits over 8 bytes with odd parity", () => {
    expect(upper(expandDesKey(hex("00000000000000")))).toBe("0101010101010101");
    expect(upper(expandDesKey(hex("FFFFFFFFFFFFFF")))).toBe("FEFEFEFEFEFEFEFE");
    for (const byte of expandDesKey(randomBytes(7))) {
      const ones = byte.toString(2).split("").filter((bit) => bit === "1").length;
      expect(ones % 2).toBe(1);
    }
  });

  it("uses a pure-JS MD4 (RFC 1320 vectors)", () => {
    expect(md4Digest(Buffer.from("")).toString("hex")).toBe("31d6cfe0d16ae931b73c59d7e0c089c0");
    expect(md4Digest(Buffer.from("abc")).toString("hex")).toBe("a448017aaf21d8525fc10ae87aa6729d");
  });
});

describe("reply values", () => {
  it("builds MS-CHAP2-Success as Ident ‖ S=…", () => {
    const value = mschapV2SuccessValue(7, AUTH_RESPONSE);
    expect(value.length).toBe(43);
    expect(value[0]).toBe(7);
    expect(value.subarray(1).toString("ascii")).toBe(AUTH_RESPONSE);
    expect(() => mschapV2SuccessValue(7, "S=abc")).toThrow(RadiusEncodeError);
  });

  it("builds MS-CHAP-Error as Ident ‖ E=691 R=0 C=<32 hex> V=3", () => {
    const value = mschapErrorValue(9, { challenge: Buffer.alloc(16, 0xab) });
    expect(value[0]).toBe(9);
    expect(value.subarray(1).toString("ascii")).toBe(`E=691 R=0 C=${"AB".repeat(16)} V=3`);
    expect(mschapErrorValue(1).subarray(1).toString("ascii")).toMatch(/^E=691 R=0 C=[0-9A-F]{32} V=3$/);
    expect(mschapErrorValue(1, { code: 648, retry: true }).subarray(1).toString()).toMatch(/^E=648 R=1 /);
  });
});

describe("RFC 2548 §2.4.2 MPPE key encryption", () => {
  const secret = "testing123";
  const requestAuthenticator = hex("000102030405060708090a0b0c0d0e0f");
  const key = hex("8B7CDC149B993A1BA118CB153F56DCCB");

  it("produces salt ‖ 32 encrypted bytes for a 16-byte key, and decrypts back", () => {
    const value = encryptMppeKey({ key, secret, requestAuthenticator, salt: hex("8001") });
    expect(value.length).toBe(34);
    expect(value.subarray(0, 2)).toEqual(hex("8001"));
    expect(decryptMppeKey({ value, secret, requestAuthenticator })).toEqual(key);
  });

  it("matches the RFC construction computed independently", () => {
    const salt = hex("8A5B");
    const value = encryptMppeKey({ key, secret, requestAuthenticator, salt });
    const plain = Buffer.concat([Buffer.from([16]), key, Buffer.alloc(15)]);
    const b1 = createHash("md5").update(secret).update(requestAuthenticator).update(salt).digest();
    const c1 = Buffer.from(plain.subarray(0, 16).map((byte, i) => byte ^ b1[i]));
    const b2 = createHash("md5").update(secret).update(c1).digest();
    const c2 = Buffer.from(plain.subarray(16).map((byte, i) => byte ^ b2[i]));
    expect(value).toEqual(Buffer.concat([salt, c1, c2]));
    expect(md5ChainXor(plain, secret, Buffer.concat([requestAuthenticator, salt]), true)).toEqual(value.subarray(2));
  });

  it("always sets the salt's high bit and refuses a salt without it", () => {
    for (let i = 0; i < 50; i++) {
      expect(encryptMppeKey({ key, secret, requestAuthenticator })[0] & 0x80).toBe(0x80);
    }
    expect(() => encryptMppeKey({ key, secret, requestAuthenticator, salt: hex("0001") })).toThrow(RadiusEncodeError);
  });

  it("rejects malformed encrypted values", () => {
    expect(() => decryptMppeKey({ value: Buffer.alloc(10, 0x80), secret, requestAuthenticator })).toThrow(
      RadiusDecodeError,
    );
  });

  it("never yields the key under a wrong secret: a bad length byte throws, else the bytes differ", () => {
    // The length byte decrypts to a random value under a wrong secret, so it is valid for ~1 salt in 8.
    let threw = 0;
    for (let i = 0; i < 256; i++) {
      const salt = Buffer.from([0x80 | (i >> 1), i]);
      const value = encryptMppeKey({ key, secret, requestAuthenticator, salt });
      expect(decryptMppeKey({ value, secret, requestAuthenticator }).equals(key)).toBe(true);
      try {
        expect(decryptMppeKey({ value, secret: "other", requestAuthenticator }).equals(key)).toBe(false);
      } catch (e) {
        expect(e).toBeInstanceOf(RadiusDecodeError);
        threw++;
      }
    }
    expect(threw).toBeGreaterThan(128);
  });

  it("builds the Access-Accept attributes with distinct salts", () => {
    const result = { ident: 7, ntResponse: hex(NT_RESPONSE), authenticatorResponse: AUTH_RESPONSE };
    const attributes = mschapV2AcceptAttributes({ password: PASSWORD, result, secret, requestAuthenticator });
    const byName = new Map(attributes.map(([name, value]) => [name, value]));
    expect(byName.get("MS-CHAP2-Success")).toEqual(mschapV2SuccessValue(7, AUTH_RESPONSE));
    const send = byName.get("MS-MPPE-Send-Key") as Buffer;
    const recv = byName.get("MS-MPPE-Recv-Key") as Buffer;
    expect(send.subarray(0, 2).equals(recv.subarray(0, 2))).toBe(false);
    expect(upper(decryptMppeKey({ value: send, secret, requestAuthenticator }))).toBe("8B7CDC149B993A1BA118CB153F56DCCB");
    expect(upper(decryptMppeKey({ value: recv, secret, requestAuthenticator }))).toBe("D5F0E9521E3EA9589645E86051C82226");
    expect(byName.get("MS-MPPE-Encryption-Policy")).toBe("Encryption-Allowed");
    expect(byName.get("MS-MPPE-Encryption-Types")).toBe("RC4-40or128-bit-Allowed");
  });
});
