import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chapChallengeOf, chapResponse, verifyChap, verifyChapRequest } from "./chap";
import { RadiusCode } from "./codes";
import { RadiusEncodeError } from "./errors";
import { decodePacket, encodePacket } from "./packet";
import { RADCLIENT_CHAP } from "./test-fixtures";

describe("CHAP", () => {
  it("verifies radtest's CHAP request, where the Request Authenticator is the challenge", () => {
    const packet = decodePacket(RADCLIENT_CHAP);
    expect(packet.has("CHAP-Challenge")).toBe(false);
    expect(chapChallengeOf(packet)).toBe(packet.authenticator);
    expect(verifyChapRequest(packet, "arctangent")).toBe(true);
    expect(verifyChapRequest(packet, "arctangenT")).toBe(false);
  });

  it("prefers CHAP-Challenge when present", () => {
    const challenge = Buffer.from("a-hotspot-challenge");
    const packet = decodePacket(
      encodePacket({
        code: RadiusCode.AccessRequest,
        identifier: 1,
        authenticator: Buffer.alloc(16, 5),
        attributes: [
          ["CHAP-Password", chapResponse(17, "pw", challenge)],
          ["CHAP-Challenge", challenge],
        ],
      }),
    );
    expect(chapChallengeOf(packet)).toEqual(challenge);
    expect(verifyChapRequest(packet, "pw")).toBe(true);
  });

  it("is MD5(Ident ‖ password ‖ challenge)", () => {
    const challenge = Buffer.alloc(16, 0xaa);
    const value = chapResponse(3, "secret", challenge);
    expect(value[0]).toBe(3);
    const digest = createHash("md5").update(Buffer.from([3])).update("secret").update(challenge).digest();
    expect(value.subarray(1)).toEqual(digest);
  });

  it("rejects malformed values without throwing", () => {
    const challenge = Buffer.alloc(16, 1);
    const value = chapResponse(3, "pw", challenge);
    expect(verifyChap({ chapPassword: value.subarray(0, 16), challenge, password: "pw" })).toBe(false);
    expect(verifyChap({ chapPassword: Buffer.concat([value, Buffer.alloc(1)]), challenge, password: "pw" })).toBe(false);
    expect(verifyChap({ chapPassword: value, challenge: Buffer.alloc(0), password: "pw" })).toBe(false);
    const noChap = decodePacket(encodePacket({ code: RadiusCode.AccessRequest, identifier: 1, attributes: [] }));
    expect(verifyChapRequest(noChap, "pw")).toBe(false);
  });

  it("detects a changed ident and refuses an out-of-range one", () => {
    const challenge = Buffer.alloc(16, 1);
    const value = chapResponse(3, "pw", challenge);
    value[0] = 4;
    expect(verifyChap({ chapPassword: value, challenge, password: "pw" })).toBe(false);
    expect(() => chapResponse(256, "pw", challenge)).toThrow(RadiusEncodeError);
  });
});
