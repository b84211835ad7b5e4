import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RadiusDecodeError, RadiusEncodeError } from "./errors";
import { decodePacket } from "./packet";
import { hidePassword, unhidePassword, verifyPapPassword, verifyPapRequest } from "./pap";
import { RADCLIENT_PAP, RADCLIENT_SECRET, RFC2865_ACCESS_REQUEST, RFC2865_SECRET } from "./test-fixtures";

describe("User-Password hiding (RFC 2865 §5.2)", () => {
  const rfc = decodePacket(RFC2865_ACCESS_REQUEST);
  const rfcHidden = rfc.getBuffer("User-Password") ?? Buffer.alloc(0);

  it("reveals the RFC 2865 §7.1 password", () => {
    expect(unhidePassword(rfcHidden, RFC2865_SECRET, rfc.authenticator).toString()).toBe("arctangent");
  });

  it("hides to the RFC 2865 §7.1 bytes", () => {
    expect(hidePassword("arctangent", RFC2865_SECRET, rfc.authenticator)).toEqual(rfcHidden);
  });

  it("reveals radtest's PAP password", () => {
    const packet = decodePacket(RADCLIENT_PAP);
    expect(verifyPapRequest(packet, RADCLIENT_SECRET, "arctangent")).toBe(true);
    expect(verifyPapRequest(packet, RADCLIENT_SECRET, "arctangen")).toBe(false);
    expect(verifyPapRequest(packet, "wrong", "arctangent")).toBe(false);
  });

  it("chains blocks through the previous ciphertext", () => {
    const auth = Buffer.alloc(16, 1);
    const password = "p".repeat(20);
    const hidden = hidePassword(password, "s", auth);
    expect(hidden.length).toBe(32);
    const b2 = createHash("md5").update("s").update(hidden.subarray(0, 16)).digest();
    const p2 = Buffer.from(hidden.subarray(16).map((byte, i) => byte ^ b2[i]));
    expect(p2).toEqual(Buffer.concat([Buffer.from("pppp"), Buffer.alloc(12)]));
  });

  it("round-trips lengths 0..128 and binary/UTF-8 passwords", () => {
    const auth = Buffer.from("0123456789abcdef");
    for (let length = 0; length <= 128; length++) {
      const password = Buffer.alloc(length, 0x61 + (length % 26));
      const hidden = hidePassword(password, "secret", auth);
      expect(hidden.length).toBe(Math.max(16, Math.ceil(length / 16) * 16));
      expect(unhidePassword(hidden, "secret", auth)).toEqual(password);
    }
    const utf8 = hidePassword("pässwörd€", "secret", auth);
    expect(unhidePassword(utf8, "secret", auth).toString("utf8")).toBe("pässwörd€");
  });

  it("refuses passwords longer than 128 bytes", () => {
    expect(() => hidePassword("x".repeat(129), "s", Buffer.alloc(16))).toThrow(RadiusEncodeError);
  });

  it("refuses hidden values that are not 16..128 bytes in 16-byte blocks", () => {
    for (const length of [0, 15, 17, 144]) {
      expect(() => unhidePassword(Buffer.alloc(length), "s", Buffer.alloc(16))).toThrow(RadiusDecodeError);
      expect(
        verifyPapPassword({ hidden: Buffer.alloc(length), secret: "s", authenticator: Buffer.alloc(16), password: "" }),
      ).toBe(false);
    }
  });

  it("compares in constant time regardless of length", () => {
    const auth = Buffer.alloc(16, 9);
    const hidden = hidePassword("short", "s", auth);
    expect(verifyPapPassword({ hidden, secret: "s", authenticator: auth, password: "short" })).toBe(true);
    expect(verifyPapPassword({ hidden, secret: "s", authenticator: auth, password: "a much longer password" })).toBe(
      false,
    );
    expect(verifyPapPassword({ hidden, secret: "s", authenticator: auth, password: Buffer.from("short") })).toBe(true);
  });
});
