import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyMessageAuthenticator, verifyRequestAuthenticator, verifyResponseAuthenticator } from "./authenticator";
import { verifyChapRequest } from "./chap";
import { RadiusCode } from "./codes";
import { RadiusEncodeError } from "./errors";
import { decodePacket, encodePacket } from "./packet";
import { unhidePassword } from "./pap";
import { encodeAccessRequest, encodeAccountingRequest, encodeRequest, encodeResponse } from "./response";
import { RADCLIENT_COA, RADCLIENT_PAP, RADCLIENT_SECRET } from "./test-fixtures";
import { verifyRequest, verifyResponse } from "./verify";

const SECRET = "s3cr3t-shared-key";

function accessRequest(extra: { proxyStates?: Buffer[]; ma?: boolean } = {}) {
  const raw = encodeAccessRequest({
    identifier: 77,
    secret: SECRET,
    attributes: [["User-Name", "alice"], ["NAS-Identifier", "mt1"]],
    password: "pw",
    messageAuthenticator: extra.ma ?? true,
  });
  if (!extra.proxyStates) return decodePacket(raw);
  // Proxy-State is appended by proxies; re-sign so the request stays valid.
  const packet = decodePacket(raw);
  const attributes = [
    ...packet.attributes.filter((attr) => attr.type !== 80),
    ...extra.proxyStates.map((value) => ({ type: 33, value })),
  ];
  return decodePacket(
    encodePacket({ code: RadiusCode.AccessRequest, identifier: 77, authenticator: packet.authenticator, attributes }),
  );
}

describe("encodeResponse: Access-Accept/Reject/Challenge", () => {
  for (const code of [RadiusCode.AccessAccept, RadiusCode.AccessReject, RadiusCode.AccessChallenge] as const) {
    it(`puts Message-Authenticator first in code ${code} and signs it correctly`, () => {
      const request = accessRequest();
      const raw = encodeResponse({ request, code, secret: SECRET, attributes: [["Reply-Message", "hi"]] });
      const reply = decodePacket(raw);
      expect(reply.code).toBe(code);
      expect(reply.identifier).toBe(77);
      expect(raw[20]).toBe(80);
      expect(raw[21]).toBe(18);
      expect(verifyResponseAuthenticator(raw, request.authenticator, SECRET)).toBe(true);
      expect(verifyMessageAuthenticator(raw, SECRET, request.authenticator)).toBe("valid");
      expect(verifyResponse({ request, response: reply, secret: SECRET })).toEqual({
        ok: true,
        messageAuthenticator: "valid",
      });
    });
  }

  it("computes the MA first (with the request authenticator), then the Response Authenticator", () => {
    const request = accessRequest();
    const raw = encodeResponse({ request, code: RadiusCode.AccessAccept, secret: SECRET, attributes: [] });
    const forHmac = Buffer.from(raw);
    request.authenticator.copy(forHmac, 4);
    forHmac.fill(0, 22, 38);
    expect(raw.subarray(22, 38)).toEqual(createHmac("md5", SECRET).update(forHmac).digest());
    const forMd5 = Buffer.from(raw);
    request.authenticator.copy(forMd5, 4);
    expect(raw.subarray(4, 20)).toEqual(createHash("md5").update(forMd5).update(SECRET).digest());
  });

  it("copies every Proxy-State of the request, in order, after the caller's attributes", () => {
    const states = [Buffer.from("first"), Buffer.from([0]), Buffer.from("third")];
    const request = accessRequest({ proxyStates: states });
    const reply = decodePacket(
      encodeResponse({ request, code: RadiusCode.AccessReject, secret: SECRET, attributes: [["Reply-Message", "no"]] }),
    );
    expect(reply.attributes.map((attr) => attr.type)).toEqual([80, 18, 33, 33, 33]);
    expect(reply.getAll("Proxy-State")).toEqual(states);
  });

  it("keeps vendor attributes and typed values", () => {
    const request = accessRequest();
    const reply = decodePacket(
      encodeResponse({
        request,
        code: RadiusCode.AccessAccept,
        secret: SECRET,
        attributes: [
          ["Mikrotik-Rate-Limit", "2M/4M"],
          ["Session-Timeout", 3600],
          ["Framed-IP-Address", "10.1.2.3"],
        ],
      }),
    );
    expect(reply.getString("Mikrotik-Rate-Limit")).toBe("2M/4M");
    expect(reply.getInteger("Session-Timeout")).toBe(3600);
    expect(reply.getIp("Framed-IP-Address")).toBe("10.1.2.3");
  });

  it("refuses caller-supplied Message-Authenticator or Proxy-State and mismatched codes", () => {
    const request = accessRequest();
    const base = { request, code: RadiusCode.AccessAccept, secret: SECRET } as const;
    expect(() => encodeResponse({ ...base, attributes: [["Message-Authenticator", Buffer.alloc(16)]] })).toThrow(
      RadiusEncodeError,
    );
    expect(() => encodeResponse({ ...base, attributes: [{ type: 33, value: Buffer.from("x") }] })).toThrow(
      RadiusEncodeError,
    );
    expect(() => encodeResponse({ ...base, code: RadiusCode.AccountingResponse })).toThrow(/not a reply/);
    expect(() => encodeResponse({ ...base, code: RadiusCode.CoaAck })).toThrow(RadiusEncodeError);
  });
});

describe("encodeResponse: Accounting-Response and CoA/Disconnect ACK/NAK", () => {
  const acct = decodePacket(
    encodeAccountingRequest({
      identifier: 5,
      secret: SECRET,
      attributes: [["Acct-Status-Type", "Start"], ["Acct-Session-Id", "81a00003"]],
    }),
  );

  it("signs an Accounting-Response without MA by default", () => {
    const raw = encodeResponse({ request: acct, code: RadiusCode.AccountingResponse, secret: SECRET });
    expect(raw.length).toBe(20);
    const reply = decodePacket(raw);
    expect(verifyResponse({ request: acct, response: reply, secret: SECRET })).toEqual({
      ok: true,
      messageAuthenticator: "missing",
    });
  });

  it("adds an MA first when asked", () => {
    const raw = encodeResponse({
      request: acct,
      code: RadiusCode.AccountingResponse,
      secret: SECRET,
      messageAuthenticator: true,
    });
    expect(raw[20]).toBe(80);
    expect(verifyMessageAuthenticator(raw, SECRET, acct.authenticator)).toBe("valid");
  });

  it("answers radclient's CoA-Request with a CoA-ACK/NAK that copies its Proxy-State", () => {
    const request = decodePacket(RADCLIENT_COA);
    for (const code of [RadiusCode.CoaAck, RadiusCode.CoaNak] as const) {
      const reply = decodePacket(
        encodeResponse({
          request,
          code,
          secret: RADCLIENT_SECRET,
          attributes: code === RadiusCode.CoaNak ? [["Error-Cause", "Session-Context-Not-Found"]] : [],
        }),
      );
      expect(reply.getAll("Proxy-State")).toEqual([Buffer.from([1])]);
      expect(verifyResponse({ request, response: reply, secret: RADCLIENT_SECRET }).ok).toBe(true);
    }
  });

  it("answers a Disconnect-Request with Disconnect-ACK and Acct-Terminate-Cause", () => {
    const request = decodePacket(
      encodeRequest({
        code: RadiusCode.DisconnectRequest,
        identifier: 9,
        secret: SECRET,
        attributes: [["User-Name", "alice"], ["Acct-Session-Id", "81a00003"]],
      }),
    );
    const reply = decodePacket(
      encodeResponse({
        request,
        code: RadiusCode.DisconnectAck,
        secret: SECRET,
        attributes: [["Acct-Terminate-Cause", "Admin-Reset"]],
      }),
    );
    expect(reply.getInteger("Acct-Terminate-Cause")).toBe(6);
    expect(verifyResponse({ request, response: reply, secret: SECRET }).ok).toBe(true);
  });
});

describe("encodeRequest: CoA/Disconnect/Accounting (client side)", () => {
  const attributes = [
    ["User-Name", "alice"],
    ["Acct-Session-Id", "81a00003"],
    ["Mikrotik-Rate-Limit", "4M/8M"],
    ["Event-Timestamp", 1720526400],
  ] as const;

  it("signs a CoA-Request with MA per RFC 5176 §3.4 (MA over zeros, then the authenticator)", () => {
    const raw = encodeRequest({ code: RadiusCode.CoaRequest, identifier: 3, secret: SECRET, attributes, messageAuthenticator: true });
    const packet = decodePacket(raw);
    expect(raw[20]).toBe(80);
    expect(verifyRequestAuthenticator(raw, SECRET)).toBe(true);
    expect(verifyMessageAuthenticator(raw, SECRET, Buffer.alloc(16))).toBe("valid");
    expect(verifyRequest(packet, SECRET)).toEqual({ ok: true, messageAuthenticator: "valid" });
  });

  it("re-encodes radclient's CoA attributes byte for byte, and signs an equivalent request that verifies", () => {
    const fromRadclient = decodePacket(RADCLIENT_COA);
    const ours = encodeRequest({
      code: RadiusCode.CoaRequest,
      identifier: fromRadclient.identifier,
      secret: RADCLIENT_SECRET,
      attributes: [
        ["User-Name", "alice"],
        ["Acct-Session-Id", "81a00003"],
        ["Mikrotik-Rate-Limit", "2M/4M"],
      ],
    });
    // radclient put Proxy-State and the MA last; rebuild in its order to compare bytes exactly.
    const radclientOrder = encodePacket({
      code: RadiusCode.CoaRequest,
      identifier: fromRadclient.identifier,
      attributes: fromRadclient.attributes,
    });
    expect(radclientOrder.subarray(20)).toEqual(RADCLIENT_COA.subarray(20));
    expect(verifyRequest(decodePacket(ours), RADCLIENT_SECRET).ok).toBe(true);
  });

  it("signs without MA when not asked, and Disconnect/Accounting the same way", () => {
    for (const code of [RadiusCode.CoaRequest, RadiusCode.DisconnectRequest, RadiusCode.AccountingRequest] as const) {
      const raw = encodeRequest({ code, identifier: 1, secret: SECRET, attributes: [["User-Name", "bob"]] });
      expect(verifyRequest(decodePacket(raw), SECRET)).toEqual({ ok: true, messageAuthenticator: "missing" });
      expect(verifyRequest(decodePacket(raw), "other-secret")).toEqual({ ok: false, reason: "bad_authenticator" });
    }
  });
});

describe("encodeAccessRequest (client side)", () => {
  it("hides the PAP password and adds a valid MA first", () => {
    const raw = encodeAccessRequest({
      identifier: 1,
      secret: SECRET,
      attributes: [["User-Name", "alice"]],
      password: "correct horse",
    });
    const packet = decodePacket(raw);
    expect(raw[20]).toBe(80);
    expect(verifyRequest(packet, SECRET)).toEqual({ ok: true, messageAuthenticator: "valid" });
    const hidden = packet.getBuffer("User-Password") ?? Buffer.alloc(0);
    expect(unhidePassword(hidden, SECRET, packet.authenticator).toString()).toBe("correct horse");
  });

  it("builds CHAP with and without CHAP-Challenge", () => {
    const challenge = Buffer.from("0123456789abcdef");
    const withChallenge = decodePacket(
      encodeAccessRequest({ identifier: 2, secret: SECRET, attributes: [], chap: { password: "pw", ident: 9, challenge } }),
    );
    expect(withChallenge.getBuffer("CHAP-Challenge")).toEqual(challenge);
    expect(verifyChapRequest(withChallenge, "pw")).toBe(true);
    const withoutChallenge = decodePacket(
      encodeAccessRequest({ identifier: 2, secret: SECRET, attributes: [], chap: { password: "pw" } }),
    );
    expect(withoutChallenge.has("CHAP-Challenge")).toBe(false);
    expect(verifyChapRequest(withoutChallenge, "pw")).toBe(true);
  });

  it("uses random authenticators unless one is given", () => {
    const a = encodeAccessRequest({ identifier: 1, secret: SECRET, attributes: [] });
    const b = encodeAccessRequest({ identifier: 1, secret: SECRET, attributes: [] });
    expect(a.subarray(4, 20).equals(b.subarray(4, 20))).toBe(false);
    const fixed = Buffer.alloc(16, 3);
    expect(encodeAccessRequest({ identifier: 1, secret: SECRET, attributes: [], authenticator: fixed }).subarray(4, 20)).toEqual(
      fixed,
    );
  });
});

describe("verifyRequest (server side)", () => {
  it("accepts radtest's PAP request", () => {
    expect(verifyRequest(decodePacket(RADCLIENT_PAP), RADCLIENT_SECRET)).toEqual({
      ok: true,
      messageAuthenticator: "valid",
    });
    expect(verifyRequest(decodePacket(RADCLIENT_PAP), "wrong")).toEqual({
      ok: false,
      reason: "bad_message_authenticator",
    });
  });

  it("requires an MA on Access-Request by default (BlastRADIUS)", () => {
    const packet = accessRequest({ ma: false });
    expect(verifyRequest(packet, SECRET)).toEqual({ ok: false, reason: "missing_message_authenticator" });
    expect(verifyRequest(packet, SECRET, { requireMessageAuthenticator: false })).toEqual({
      ok: true,
      messageAuthenticator: "missing",
    });
  });

  it("still drops Proxy-State without MA when the MA is not required (limit_proxy_state)", () => {
    const packet = accessRequest({ proxyStates: [Buffer.from("p")] });
    expect(packet.has("Message-Authenticator")).toBe(false);
    expect(verifyRequest(packet, SECRET, { requireMessageAuthenticator: false })).toEqual({
      ok: false,
      reason: "missing_message_authenticator",
    });
    expect(verifyRequest(packet, SECRET, { requireMessageAuthenticator: false, limitProxyState: false }).ok).toBe(true);
  });

  it("requires an MA with EAP-Message and on Status-Server whatever the policy", () => {
    const eap = decodePacket(
      encodeAccessRequest({
        identifier: 1,
        secret: SECRET,
        attributes: [["EAP-Message", Buffer.from([2, 1, 0, 5, 1])]],
        messageAuthenticator: false,
      }),
    );
    expect(verifyRequest(eap, SECRET, { requireMessageAuthenticator: false }).ok).toBe(false);
    const status = decodePacket(encodePacket({ code: RadiusCode.StatusServer, identifier: 1, attributes: [] }));
    expect(verifyRequest(status, SECRET, { requireMessageAuthenticator: false }).ok).toBe(false);
  });

  it("refuses replies as requests", () => {
    const request = accessRequest();
    const reply = decodePacket(encodeResponse({ request, code: RadiusCode.AccessAccept, secret: SECRET }));
    expect(verifyRequest(reply, SECRET)).toEqual({ ok: false, reason: "not_a_request" });
  });
});

describe("verifyResponse (client side)", () => {
  const request = decodePacket(
    encodeRequest({ code: RadiusCode.CoaRequest, identifier: 42, secret: SECRET, attributes: [["User-Name", "a"]] }),
  );
  const ack = decodePacket(encodeResponse({ request, code: RadiusCode.CoaAck, secret: SECRET }));

  it("checks the identifier, the code pairing, the authenticator and the secret", () => {
    expect(verifyResponse({ request, response: ack, secret: SECRET }).ok).toBe(true);
    expect(verifyResponse({ request: { ...request, identifier: 43 }, response: ack, secret: SECRET })).toEqual({
      ok: false,
      reason: "identifier_mismatch",
    });
    const disconnect = { code: RadiusCode.DisconnectRequest, identifier: 42, authenticator: request.authenticator };
    expect(verifyResponse({ request: disconnect, response: ack, secret: SECRET })).toEqual({
      ok: false,
      reason: "unexpected_code",
    });
    expect(verifyResponse({ request, response: ack, secret: "nope" })).toEqual({ ok: false, reason: "bad_authenticator" });
  });

  it("can require an MA on CoA replies, and requires one on Access replies by default", () => {
    expect(verifyResponse({ request, response: ack, secret: SECRET, requireMessageAuthenticator: true })).toEqual({
      ok: false,
      reason: "missing_message_authenticator",
    });
    const access = accessRequest();
    const noMa = encodePacket({ code: RadiusCode.AccessAccept, identifier: access.identifier, attributes: [] });
    const signed = Buffer.from(noMa);
    createHash("md5").update(Buffer.concat([noMa.subarray(0, 4), access.authenticator, noMa.subarray(20), Buffer.from(SECRET)])).digest().copy(signed, 4);
    expect(verifyResponse({ request: access, response: decodePacket(signed), secret: SECRET })).toEqual({
      ok: false,
      reason: "missing_message_authenticator",
    });
  });

  it("rejects a reply whose MA was computed with the wrong authenticator", () => {
    const access = accessRequest();
    const raw = encodeResponse({ request: access, code: RadiusCode.AccessAccept, secret: SECRET });
    const forged = Buffer.from(raw);
    forged.fill(0x55, 22, 38);
    createHash("md5").update(Buffer.concat([forged.subarray(0, 4), access.authenticator, forged.subarray(20), Buffer.from(SECRET)])).digest().copy(forged, 4);
    expect(verifyResponse({ request: access, response: decodePacket(forged), secret: SECRET })).toEqual({
      ok: false,
      reason: "bad_message_authenticator",
    });
  });
});
