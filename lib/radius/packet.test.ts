import { describe, expect, it } from "vitest";
import { RadiusCode } from "./codes";
import { VENDOR_MICROSOFT, VENDOR_MIKROTIK } from "./dictionary";
import { RadiusDecodeError, RadiusEncodeError, type RadiusDecodeReason } from "./errors";
import { decodePacket, encodeAttribute, encodePacket, type AttributeInput } from "./packet";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

// RFC 2865 §7.1: nemo / arctangent, secret xyzzy5461.
const RFC_ACCESS_REQUEST = hex(`01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb
  98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d 93 d4 13 ce 31 96 e4 3f 78 2a 0a ee
  04 06 c0 a8 01 10 05 06 00 00 00 03`);

function decodeError(buf: Buffer): RadiusDecodeReason {
  try {
    decodePacket(buf);
  } catch (error) {
    if (error instanceof RadiusDecodeError) return error.reason;
    throw error;
  }
  throw new Error("expected a RadiusDecodeError");
}

function header(code: number, length: number, id = 1): Buffer {
  const buf = Buffer.alloc(20);
  buf[0] = code;
  buf[1] = id;
  buf.writeUInt16BE(length, 2);
  return buf;
}

function withAttributes(code: number, ...attributes: Buffer[]): Buffer {
  const body = Buffer.concat(attributes);
  return Buffer.concat([header(code, 20 + body.length), body]);
}

describe("decodePacket", () => {
  it("decodes the RFC 2865 §7.1 Access-Request", () => {
    const packet = decodePacket(RFC_ACCESS_REQUEST);
    expect(packet.code).toBe(RadiusCode.AccessRequest);
    expect(packet.identifier).toBe(0);
    expect(packet.authenticator).toEqual(hex("0f403f9473978057bd83d5cb98f4227a"));
    expect(packet.attributes.map((a) => a.type)).toEqual([1, 2, 4, 5]);
    expect(packet.getString("User-Name")).toBe("nemo");
    expect(packet.getIp("NAS-IP-Address")).toBe("192.168.1.16");
    expect(packet.getInteger("NAS-Port")).toBe(3);
    expect(packet.getBuffer("User-Password")?.length).toBe(16);
    expect(packet.raw).toEqual(RFC_ACCESS_REQUEST);
  });

  it("ignores bytes beyond Length and keeps a private copy trimmed to Length", () => {
    const padded = Buffer.concat([RFC_ACCESS_REQUEST, Buffer.from("garbage-padding")]);
    const packet = decodePacket(padded);
    expect(packet.raw).toEqual(RFC_ACCESS_REQUEST);
    padded[22] = 0x41; // mutating the datagram afterwards must not change the decoded packet
    expect(packet.getString("User-Name")).toBe("nemo");
  });

  it("accepts a Uint8Array that is a view into a larger buffer", () => {
    const big = Buffer.concat([Buffer.alloc(7, 0xff), RFC_ACCESS_REQUEST]);
    const view = new Uint8Array(big.buffer, big.byteOffset + 7, RFC_ACCESS_REQUEST.length);
    expect(decodePacket(view).getString("User-Name")).toBe("nemo");
  });

  it("rejects packets shorter than a header", () => {
    expect(decodeError(Buffer.alloc(0))).toBe("too_short");
    expect(decodeError(Buffer.alloc(19))).toBe("too_short");
  });

  it("rejects a Length outside 20..4096", () => {
    expect(decodeError(header(1, 19))).toBe("bad_length");
    expect(decodeError(header(1, 0))).toBe("bad_length");
    expect(decodeError(Buffer.concat([header(1, 4097), Buffer.alloc(4077)]))).toBe("bad_length");
  });

  it("rejects a packet shorter than its Length field", () => {
    expect(decodeError(RFC_ACCESS_REQUEST.subarray(0, RFC_ACCESS_REQUEST.length - 1))).toBe("truncated");
    expect(decodeError(header(1, 21))).toBe("truncated");
  });

  it("rejects unknown codes", () => {
    expect(decodeError(header(99, 20))).toBe("unknown_code");
    expect(decodeError(header(0, 20))).toBe("unknown_code");
  });

  it("accepts a header-only packet and the maximum size", () => {
    expect(decodePacket(header(5, 20)).attributes).toEqual([]);
    // 20 + 15 × 255 + 251 = 4096 bytes exactly.
    const fullSize = Array.from({ length: 15 }, () => Buffer.concat([Buffer.from([18, 255]), Buffer.alloc(253, 0x61)]));
    const last = Buffer.concat([Buffer.from([18, 251]), Buffer.alloc(249, 0x62)]);
    const full = withAttributes(2, ...fullSize, last);
    expect(full.length).toBe(4096);
    expect(decodePacket(full).attributes.length).toBe(16);
  });

  it("rejects attribute lengths below 2 or past the end", () => {
    expect(decodeError(withAttributes(1, hex("0101")))).toBe("bad_attribute_length");
    expect(decodeError(withAttributes(1, hex("0100")))).toBe("bad_attribute_length");
    expect(decodeError(withAttributes(1, hex("010561")))).toBe("bad_attribute_length");
    expect(decodeError(withAttributes(1, hex("01036101")))).toBe("bad_attribute_length");
  });

  it("accepts an empty attribute value (length 2)", () => {
    const packet = decodePacket(withAttributes(1, hex("1202")));
    expect(packet.getBuffer("Reply-Message")).toEqual(Buffer.alloc(0));
  });

  it("rejects a Vendor-Specific attribute shorter than 7 bytes", () => {
    expect(decodeError(withAttributes(1, hex("1a06 00003a8c")))).toBe("bad_vsa");
    expect(decodeError(withAttributes(1, hex("1a02")))).toBe("bad_vsa");
  });

  it("splits a VSA with several sub-attributes in order", () => {
    const vsa = hex("1a 12 00003a8c 08 07 324d2f344d 13 05 766970");
    const packet = decodePacket(withAttributes(2, vsa));
    expect(packet.attributes).toEqual([
      { type: 26, vendorId: VENDOR_MIKROTIK, vendorType: 8, value: Buffer.from("2M/4M") },
      { type: 26, vendorId: VENDOR_MIKROTIK, vendorType: 19, value: Buffer.from("vip") },
    ]);
    expect(packet.getString("Mikrotik-Rate-Limit")).toBe("2M/4M");
    expect(packet.getString("Mikrotik-Address-List")).toBe("vip");
  });

  it("keeps a VSA whose sub-attributes don't parse as one raw type 26 attribute", () => {
    for (const value of ["00003a8c 08 09 3132", "00003a8c 08", "00003a8c 08 01 00", "01003a8c 0803 61"]) {
      const body = hex(value);
      const packet = decodePacket(withAttributes(2, Buffer.concat([Buffer.from([26, body.length + 2]), body])));
      expect(packet.attributes).toEqual([{ type: 26, value: body }]);
      expect(packet.getString("Mikrotik-Rate-Limit")).toBeUndefined();
    }
  });

  it("does not confuse a standard attribute with a vendor attribute of the same number", () => {
    const packet = decodePacket(withAttributes(2, hex("1a 0c 00003a8c 01 06 00000001"), hex("0106 6e656d6f")));
    expect(packet.getString("User-Name")).toBe("nemo");
    expect(packet.getBuffer("Mikrotik-Recv-Limit")).toEqual(hex("00000001"));
    expect(packet.getBuffer("MS-CHAP-Response")).toBeUndefined();
  });
});

describe("typed getters", () => {
  const packet = decodePacket(
    encodePacket({
      code: RadiusCode.AccountingRequest,
      identifier: 9,
      attributes: [
        ["Acct-Status-Type", "Interim-Update"],
        ["Acct-Input-Octets", 0xfffffff0],
        ["Acct-Input-Gigawords", 3],
        ["Acct-Output-Octets", 12345],
        ["Event-Timestamp", new Date("2024-07-09T12:00:00Z")],
        ["NAS-IPv6-Address", "2001:db8::1"],
        ["Delegated-IPv6-Prefix", "2001:db8:100::/40"],
        ["Class", Buffer.from("ai:1")],
        ["Class", Buffer.from("ai:2")],
        { type: 5, value: Buffer.from([1, 2, 3]) }, // a malformed 3-byte NAS-Port
      ],
    }),
  );

  it("reads integers, named enum values and dates", () => {
    expect(packet.getInteger("Acct-Status-Type")).toBe(3);
    expect(packet.getDate("Event-Timestamp")?.toISOString()).toBe("2024-07-09T12:00:00.000Z");
  });

  it("combines octets and gigawords into a 64-bit bigint", () => {
    expect(packet.getCounter64("Acct-Input-Octets", "Acct-Input-Gigawords")).toBe(3n * 2n ** 32n + 0xfffffff0n);
    expect(packet.getCounter64("Acct-Output-Octets", "Acct-Output-Gigawords")).toBe(12345n);
    expect(packet.getCounter64("Acct-Input-Packets", "Acct-Input-Gigawords")).toBeUndefined();
  });

  it("reads IPv6 addresses and prefixes", () => {
    expect(packet.getIp("NAS-IPv6-Address")).toBe("2001:db8::1");
    expect(packet.getIpv6Prefix("Delegated-IPv6-Prefix")).toBe("2001:db8:100::/40");
    expect(packet.getBuffer("Delegated-IPv6-Prefix")).toEqual(hex("0028 20010db801"));
  });

  it("returns every occurrence in order with getAll", () => {
    expect(packet.getAll("Class").map(String)).toEqual(["ai:1", "ai:2"]);
    expect(packet.getAll("Proxy-State")).toEqual([]);
    expect(packet.has("Class")).toBe(true);
    expect(packet.has("User-Name")).toBe(false);
  });

  it("throws a RadiusDecodeError for a value of the wrong size", () => {
    expect(() => packet.getInteger("NAS-Port")).toThrow(RadiusDecodeError);
    expect(packet.getInteger("Session-Timeout")).toBeUndefined();
  });
});

describe("encodePacket", () => {
  it("reproduces the RFC 2865 §7.1 request byte for byte", () => {
    const encoded = encodePacket({
      code: RadiusCode.AccessRequest,
      identifier: 0,
      authenticator: hex("0f403f9473978057bd83d5cb98f4227a"),
      attributes: [
        ["User-Name", "nemo"],
        ["User-Password", hex("0dbe708d93d413ce3196e43f782a0aee")],
        ["NAS-IP-Address", "192.168.1.16"],
        ["NAS-Port", 3],
      ],
    });
    expect(encoded).toEqual(RFC_ACCESS_REQUEST);
  });

  it("encodes typed values: text, integers, enums, IPs, dates and vendor attributes", () => {
    const attributes: AttributeInput[] = [
      ["Reply-Message", "x"],
      ["Mikrotik-Rate-Limit", "2M/4M"],
      ["Session-Timeout", 3600],
      ["Service-Type", "Framed-User"],
      ["Framed-IP-Address", "10.0.0.7"],
      ["Event-Timestamp", 1720526400],
      ["MS-MPPE-Encryption-Types", "RC4-40or128-bit-Allowed"],
    ];
    const packet = decodePacket(encodePacket({ code: RadiusCode.AccessAccept, identifier: 1, attributes }));
    expect(packet.getString("Reply-Message")).toBe("x");
    expect(packet.getString("Mikrotik-Rate-Limit")).toBe("2M/4M");
    expect(packet.getInteger("Session-Timeout")).toBe(3600);
    expect(packet.getInteger("Service-Type")).toBe(2);
    expect(packet.getIp("Framed-IP-Address")).toBe("10.0.0.7");
    expect(packet.getDate("Event-Timestamp")?.getTime()).toBe(1720526400000);
    expect(packet.getInteger("MS-MPPE-Encryption-Types")).toBe(6);
    expect(packet.attributes[1]).toEqual({
      type: 26,
      vendorId: VENDOR_MIKROTIK,
      vendorType: 8,
      value: Buffer.from("2M/4M"),
    });
  });

  it("encodes a vendor attribute in the RFC 2865 §5.26 layout", () => {
    expect(encodeAttribute(["Mikrotik-Rate-Limit", "2M/4M"])).toEqual(hex("1a0d 00003a8c 0807 324d2f344d"));
    expect(encodeAttribute(["MS-CHAP-Challenge", Buffer.alloc(16)])).toEqual(
      Buffer.concat([hex("1a18 00000137 0b12"), Buffer.alloc(16)]),
    );
  });

  it("round-trips raw attributes, including unparsed VSAs and unknown types", () => {
    const raw = [
      { type: 200, value: Buffer.from([1, 2, 3]) },
      { type: 26, vendorId: 9, vendorType: 1, value: Buffer.from("cisco-avpair") },
      { type: 26, value: hex("00003a8c 08") },
    ];
    const packet = decodePacket(encodePacket({ code: RadiusCode.AccessRequest, identifier: 2, attributes: raw }));
    expect(packet.attributes).toEqual(raw);
  });

  it("accepts exactly 253 bytes and rejects longer values with a clear error", () => {
    expect(encodeAttribute(["Reply-Message", "a".repeat(253)]).length).toBe(255);
    expect(() => encodeAttribute(["Reply-Message", "a".repeat(254)])).toThrow(/at most 253/);
    expect(encodeAttribute(["Mikrotik-Address-List", "a".repeat(247)]).length).toBe(255);
    expect(() => encodeAttribute(["Mikrotik-Address-List", "a".repeat(248)])).toThrow(/at most 247/);
    // Multi-byte UTF-8 counts bytes, not characters.
    expect(() => encodeAttribute(["Reply-Message", "é".repeat(127)])).toThrow(RadiusEncodeError);
  });

  it("rejects invalid typed values", () => {
    const bad: Array<() => Buffer> = [
      () => encodeAttribute(["Session-Timeout", -1]),
      () => encodeAttribute(["Session-Timeout", 2 ** 32]),
      () => encodeAttribute(["Session-Timeout", 1.5]),
      () => encodeAttribute(["Framed-IP-Address", "10.0.0.256"]),
      () => encodeAttribute(["NAS-IPv6-Address", "2001:db8::g"]),
      () => encodeAttribute(["Delegated-IPv6-Prefix", "2001:db8::/129"]),
      () => encodeAttribute(["Delegated-IPv6-Prefix", "2001:db8::"]),
      () => encodeAttribute(["Event-Timestamp", new Date(-1000)]),
      () => encodeAttribute({ type: 0, value: Buffer.alloc(1) }),
      () => encodeAttribute({ type: 26, vendorId: 2 ** 24, vendorType: 1, value: Buffer.alloc(1) }),
      () => encodeAttribute({ type: 1, vendorId: 14988, vendorType: 1, value: Buffer.alloc(1) }),
    ];
    for (const attempt of bad) expect(attempt).toThrow(RadiusEncodeError);
  });

  it("rejects unknown names and enum values (for untyped callers)", () => {
    const unknownName = ["No-Such-Attribute", "x"] as unknown as AttributeInput;
    expect(() => encodeAttribute(unknownName)).toThrow(/unknown attribute/);
    const unknownEnum = ["Acct-Status-Type", "Sideways"] as unknown as AttributeInput;
    expect(() => encodeAttribute(unknownEnum)).toThrow(/unknown named value/);
  });

  it("refuses a cleartext User-Password or MPPE key", () => {
    const cleartext = ["User-Password", "hunter2"] as unknown as AttributeInput;
    expect(() => encodeAttribute(cleartext)).toThrow(/already hidden/);
    const key = ["MS-MPPE-Send-Key", "k"] as unknown as AttributeInput;
    expect(() => encodeAttribute(key)).toThrow(RadiusEncodeError);
  });

  it("checks header fields and the 4096-byte limit", () => {
    expect(() => encodePacket({ code: RadiusCode.AccessAccept, identifier: 256, attributes: [] })).toThrow(
      RadiusEncodeError,
    );
    expect(() =>
      encodePacket({ code: RadiusCode.AccessAccept, identifier: 1, authenticator: Buffer.alloc(15), attributes: [] }),
    ).toThrow(RadiusEncodeError);
    const many: AttributeInput[] = Array.from({ length: 17 }, () => ["Reply-Message", "a".repeat(253)]);
    expect(() => encodePacket({ code: RadiusCode.AccessAccept, identifier: 1, attributes: many })).toThrow(
      /maximum is 4096/,
    );
  });
});

describe("IPv6 values", () => {
  const cases: Array<[string, string]> = [
    ["::", "::"],
    ["::1", "::1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["fe80::1:2:3:4", "fe80::1:2:3:4"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
    ["1:0:3:4:5:6:7:8", "1:0:3:4:5:6:7:8"],
    ["::ffff:192.0.2.1", "::ffff:c000:201"],
  ];
  for (const [input, canonical] of cases) {
    it(`round-trips ${input}`, () => {
      const packet = decodePacket(
        encodePacket({ code: RadiusCode.AccessRequest, identifier: 1, attributes: [["NAS-IPv6-Address", input]] }),
      );
      expect(packet.getIp("NAS-IPv6-Address")).toBe(canonical);
    });
  }

  it("rejects a prefix whose bytes are shorter than its length", () => {
    const packet = decodePacket(withAttributes(2, hex("7b 06 00 28 2001")));
    expect(() => packet.getIpv6Prefix("Delegated-IPv6-Prefix")).toThrow(RadiusDecodeError);
  });

  it("refers to the Microsoft vendor id", () => {
    expect(VENDOR_MICROSOFT).toBe(311);
  });
});
