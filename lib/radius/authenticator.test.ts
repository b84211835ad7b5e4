import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  computeMessageAuthenticator,
  computeRequestAuthenticator,
  computeResponseAuthenticator,
  findAttributeOffsets,
  hmacAuthenticatorFor,
  secretBytes,
  verifyMessageAuthenticator,
  verifyRequestAuthenticator,
  verifyResponseAuthenticator,
} from "./authenticator";
import { RadiusCode } from "./codes";
import { RadiusEncodeError } from "./errors";
import { decodePacket, encodePacket } from "./packet";
import {
  RADCLIENT_ACCT,
  RADCLIENT_COA,
  RADCLIENT_PAP,
  RADCLIENT_SECRET,
  RADTEST_MSCHAP,
  RADTEST_MSCHAP_SECRET,
  RFC2865_ACCESS_ACCEPT,
  RFC2865_ACCESS_REQUEST,
  RFC2865_SECRET,
} from "./test-fixtures";

const ZERO16 = Buffer.alloc(16);

describe("Response Authenticator (RFC 2865 §3)", () => {
  const requestAuth = RFC2865_ACCESS_REQUEST.subarray(4, 20);

  it("verifies the RFC 2865 §7.1 Access-Accept", () => {
    expect(verifyResponseAuthenticator(RFC2865_ACCESS_ACCEPT, requestAuth, RFC2865_SECRET)).toBe(true);
    expect(computeResponseAuthenticator(RFC2865_ACCESS_ACCEPT, requestAuth, RFC2865_SECRET)).toEqual(
      RFC2865_ACCESS_ACCEPT.subarray(4, 20),
    );
  });

  it("fails with the wrong secret, request authenticator or a changed byte", () => {
    expect(verifyResponseAuthenticator(RFC2865_ACCESS_ACCEPT, requestAuth, "xyzzy5462")).toBe(false);
    expect(verifyResponseAuthenticator(RFC2865_ACCESS_ACCEPT, ZERO16, RFC2865_SECRET)).toBe(false);
    const tampered = Buffer.from(RFC2865_ACCESS_ACCEPT);
    tampered[tampered.length - 1] ^= 1;
    expect(verifyResponseAuthenticator(tampered, requestAuth, RFC2865_SECRET)).toBe(false);
  });

  it("is MD5(Code ‖ ID ‖ Length ‖ RequestAuth ‖ Attributes ‖ Secret)", () => {
    const expected = createHash("md5")
      .update(RFC2865_ACCESS_ACCEPT.subarray(0, 4))
      .update(requestAuth)
      .update(RFC2865_ACCESS_ACCEPT.subarray(20))
      .update(RFC2865_SECRET)
      .digest();
    expect(computeResponseAuthenticator(RFC2865_ACCESS_ACCEPT, requestAuth, RFC2865_SECRET)).toEqual(expected);
  });
});

describe("accounting-style Request Authenticator (RFC 2866 §3, RFC 5176 §2.3)", () => {
  it("verifies radclient's Accounting-Request and CoA-Request", () => {
    expect(verifyRequestAuthenticator(RADCLIENT_ACCT, RADCLIENT_SECRET)).toBe(true);
    expect(verifyRequestAuthenticator(RADCLIENT_COA, RADCLIENT_SECRET)).toBe(true);
    expect(verifyRequestAuthenticator(RADCLIENT_ACCT, "wrong")).toBe(false);
  });

  it("computes MD5 over the packet with a zeroed authenticator", () => {
    expect(computeRequestAuthenticator(RADCLIENT_ACCT, RADCLIENT_SECRET)).toEqual(RADCLIENT_ACCT.subarray(4, 20));
  });
});

describe("Message-Authenticator (RFC 3579 §3.2, RFC 5176 §3.4)", () => {
  it("verifies radtest's Access-Requests with the packet's own authenticator", () => {
    expect(verifyMessageAuthenticator(RADCLIENT_PAP, RADCLIENT_SECRET, RADCLIENT_PAP.subarray(4, 20))).toBe("valid");
    expect(verifyMessageAuthenticator(RADTEST_MSCHAP, RADTEST_MSCHAP_SECRET, RADTEST_MSCHAP.subarray(4, 20))).toBe(
      "valid",
    );
    expect(verifyMessageAuthenticator(RADCLIENT_PAP, "wrong", RADCLIENT_PAP.subarray(4, 20))).toBe("invalid");
  });

  it("verifies radclient's CoA-Request MA over a zeroed authenticator", () => {
    expect(verifyMessageAuthenticator(RADCLIENT_COA, RADCLIENT_SECRET, ZERO16)).toBe("valid");
    // Using the real (final) authenticator instead, as node-radius does, fails.
    expect(verifyMessageAuthenticator(RADCLIENT_COA, RADCLIENT_SECRET, RADCLIENT_COA.subarray(4, 20))).toBe("invalid");
  });

  it("reports a missing MA", () => {
    expect(verifyMessageAuthenticator(RADCLIENT_ACCT, RADCLIENT_SECRET, ZERO16)).toBe("missing");
    expect(verifyMessageAuthenticator(RFC2865_ACCESS_REQUEST, RFC2865_SECRET, ZERO16)).toBe("missing");
  });

  it("is HMAC-MD5 over the packet with the MA zeroed", () => {
    const copy = Buffer.from(RADCLIENT_PAP);
    const offset = findAttributeOffsets(copy, 80)[0];
    copy.fill(0, offset + 2, offset + 18);
    const expected = createHmac("md5", RADCLIENT_SECRET).update(copy).digest();
    expect(computeMessageAuthenticator(RADCLIENT_PAP, RADCLIENT_SECRET, RADCLIENT_PAP.subarray(4, 20))).toEqual(
      expected,
    );
    expect(RADCLIENT_PAP.subarray(offset + 2, offset + 18)).toEqual(expected);
  });

  it("treats two MAs, or one of the wrong size, as invalid", () => {
    const twice = encodePacket({
      code: RadiusCode.AccessRequest,
      identifier: 1,
      attributes: [
        { type: 80, value: ZERO16 },
        { type: 80, value: ZERO16 },
      ],
    });
    expect(verifyMessageAuthenticator(twice, "s", ZERO16)).toBe("invalid");
    expect(() => computeMessageAuthenticator(twice, "s", ZERO16)).toThrow(RadiusEncodeError);
    const short = encodePacket({ code: RadiusCode.AccessRequest, identifier: 1, attributes: [{ type: 80, value: Buffer.alloc(15) }] });
    expect(verifyMessageAuthenticator(short, "s", ZERO16)).toBe("invalid");
  });

  it("finds MA offsets only among top-level attributes, never out of bounds", () => {
    const packet = decodePacket(RADCLIENT_COA);
    expect(findAttributeOffsets(packet.raw, 80)).toEqual([packet.raw.length - 18]);
    expect(findAttributeOffsets(Buffer.alloc(3), 80)).toEqual([]);
    const lying = Buffer.from(RADCLIENT_COA);
    lying.writeUInt16BE(5000, 2);
    expect(findAttributeOffsets(lying, 80)).toEqual([lying.length - 18]);
  });

  it("chooses the HMAC authenticator by code", () => {
    const own = Buffer.alloc(16, 7);
    const request = Buffer.alloc(16, 9);
    expect(hmacAuthenticatorFor(RadiusCode.AccessRequest, own)).toBe(own);
    expect(hmacAuthenticatorFor(RadiusCode.StatusServer, own)).toBe(own);
    expect(hmacAuthenticatorFor(RadiusCode.CoaRequest, own)).toEqual(ZERO16);
    expect(hmacAuthenticatorFor(RadiusCode.AccountingRequest, own)).toEqual(ZERO16);
    expect(hmacAuthenticatorFor(RadiusCode.AccessAccept, own, request)).toBe(request);
    expect(() => hmacAuthenticatorFor(RadiusCode.CoaAck, own)).toThrow(RadiusEncodeError);
  });
});

describe("shared secrets", () => {
  it("refuses an empty secret instead of computing with it", () => {
    expect(() => secretBytes("")).toThrow(RadiusEncodeError);
    expect(() => verifyRequestAuthenticator(RADCLIENT_ACCT, Buffer.alloc(0))).toThrow(RadiusEncodeError);
    expect(secretBytes(Buffer.from("abc"))).toEqual(Buffer.from("abc"));
  });
});
