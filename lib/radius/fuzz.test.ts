// Seeded fuzzing of the decoder and the whole server-side verification path. Reproduce a failure with
// RADIUS_FUZZ_SEED=<seed> (and RADIUS_FUZZ_ITERATIONS to run longer).

import { describe, expect, it } from "vitest";
import { verifyChapRequest } from "./chap";
import { RadiusCode } from "./codes";
import { getAttributeByCode, type AttributeDefinition, type AttributeNameOfType } from "./dictionary";
import { RadiusDecodeError } from "./errors";
import { generateMschapV2Response, mschapV2SuccessValue, ntPasswordHash, verifyMschapV1, verifyMschapV2 } from "./mschap";
import { decodePacket, encodePacket, type RadiusAttribute, type RadiusPacket } from "./packet";
import { unhidePassword, verifyPapRequest } from "./pap";
import { encodeAccessRequest, encodeAccountingRequest, encodeRequest, encodeResponse } from "./response";
import { verifyRequest, verifyResponse } from "./verify";

const SEED = Number(process.env.RADIUS_FUZZ_SEED ?? 0x5eed2024);
const ITERATIONS = Number(process.env.RADIUS_FUZZ_ITERATIONS ?? 120_000);
const SECRET = "fuzz-shared-secret";
const PASSWORD = "correct horse battery";
const NT_HASH = ntPasswordHash(PASSWORD);

// ---- seeded PRNG (mulberry32) ------------------------------------------------------------------

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  int(bound: number): number {
    return this.next() % bound;
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.next() & 0xff;
    return out;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

// ---- the intact originals --------------------------------------------------------------------

interface Original {
  name: string;
  raw: Buffer;
  /** Set for replies: the request they answer. */
  request?: RadiusPacket;
}

function buildOriginals(rng: Rng): Original[] {
  const nas = [
    ["NAS-Identifier", "mt-core-1"],
    ["NAS-IP-Address", "10.0.0.1"],
    ["NAS-Port-Type", "Ethernet"],
    ["Calling-Station-Id", "AA:BB:CC:DD:EE:FF"],
  ] as const;
  const challenge = rng.bytes(16);
  const mschapChallenge = rng.bytes(16);
  const mschapResponse = generateMschapV2Response({
    username: "CORP\\alice",
    ntHash: NT_HASH,
    authenticatorChallenge: mschapChallenge,
    peerChallenge: rng.bytes(16),
    ident: 1,
  });
  const pap = encodeAccessRequest({
    identifier: 1,
    secret: SECRET,
    authenticator: rng.bytes(16),
    attributes: [["User-Name", "alice"], ...nas, { type: 33, value: rng.bytes(8) }],
    password: PASSWORD,
  });
  const originals: Original[] = [
    { name: "pap", raw: pap },
    {
      name: "chap-challenge",
      raw: encodeAccessRequest({
        identifier: 2,
        secret: SECRET,
        authenticator: rng.bytes(16),
        attributes: [["User-Name", "alice"], ...nas],
        chap: { password: PASSWORD, ident: 7, challenge },
      }),
    },
    {
      name: "chap-authenticator",
      raw: encodeAccessRequest({
        identifier: 3,
        secret: SECRET,
        authenticator: rng.bytes(16),
        attributes: [["User-Name", "alice"], ...nas],
        chap: { password: PASSWORD, ident: 9 },
      }),
    },
    {
      name: "mschapv2",
      raw: encodeAccessRequest({
        identifier: 4,
        secret: SECRET,
        authenticator: rng.bytes(16),
        attributes: [
          ["User-Name", "CORP\\alice"],
          ...nas,
          ["MS-CHAP-Challenge", mschapChallenge],
          ["MS-CHAP2-Response", mschapResponse],
        ],
      }),
    },
    {
      name: "accounting",
      raw: encodeAccountingRequest({
        identifier: 5,
        secret: SECRET,
        attributes: [
          ["User-Name", "alice"],
          ["Acct-Status-Type", "Interim-Update"],
          ["Acct-Session-Id", "81a00003"],
          ["Acct-Input-Octets", 123456],
          ["Acct-Input-Gigawords", 1],
          ["Mikrotik-Rate-Limit", "2M/4M"],
          ...nas,
        ],
      }),
    },
    {
      name: "coa",
      raw: encodeRequest({
        code: RadiusCode.CoaRequest,
        identifier: 6,
        secret: SECRET,
        messageAuthenticator: true,
        attributes: [["User-Name", "alice"], ["Acct-Session-Id", "81a00003"], ["Mikrotik-Rate-Limit", "4M/8M"]],
      }),
    },
  ];
  const papRequest = decodePacket(pap);
  const accept = encodeResponse({
    request: papRequest,
    code: RadiusCode.AccessAccept,
    secret: SECRET,
    attributes: [
      ["Mikrotik-Rate-Limit", "2M/4M"],
      ["Session-Timeout", 3600],
      ["MS-CHAP2-Success", mschapV2SuccessValue(1, `S=${"A".repeat(40)}`)],
    ],
  });
  originals.push({ name: "access-accept", raw: accept, request: papRequest });
  return originals;
}

// ---- mutations -------------------------------------------------------------------------------

type Mutation = (rng: Rng, input: Buffer, pool: readonly Original[]) => Buffer;

function withLength(buf: Buffer, length: number): Buffer {
  const out = Buffer.from(buf);
  if (out.length >= 4) out.writeUInt16BE(length & 0xffff, 2);
  return out;
}

function randomVsa(rng: Rng): Buffer {
  const vendor = rng.pick([14988, 311, 9, rng.next()]);
  const subs: Buffer[] = [];
  for (let i = rng.int(4); i >= 0; i--) {
    const value = rng.bytes(rng.int(20));
    const length = rng.int(8) === 0 ? rng.int(256) : value.length + 2;
    subs.push(Buffer.concat([Buffer.from([rng.int(32), length]), value]));
  }
  const data = Buffer.concat([Buffer.alloc(4), ...subs]).subarray(0, 249);
  data.writeUInt32BE(vendor >>> 0, 0);
  const attrLength = rng.int(8) === 0 ? rng.int(256) : data.length + 2;
  return Buffer.concat([Buffer.from([26, attrLength]), data]);
}

const MUTATIONS: ReadonlyArray<[string, Mutation]> = [
  ["intact", (_rng, input) => Buffer.from(input)],
  [
    "random-tail",
    (rng, input) => Buffer.concat([input, rng.bytes(1 + rng.int(64))]),
  ],
  [
    "bit-flips",
    (rng, input) => {
      // Distinct bit positions, so the flips never cancel out and the packet always changes.
      const out = Buffer.from(input);
      const bits = new Set<number>();
      for (let i = 1 + rng.int(8); i > 0; i--) bits.add(rng.int(out.length * 8));
      for (const bit of bits) out[bit >> 3] ^= 1 << (bit & 7);
      return out;
    },
  ],
  [
    "byte-overwrite",
    (rng, input) => {
      const out = Buffer.from(input);
      for (let i = 1 + rng.int(4); i > 0; i--) out[rng.int(out.length)] = rng.int(256);
      return out;
    },
  ],
  ["truncate", (rng, input) => input.subarray(0, rng.int(input.length))],
  [
    "truncate-and-fix-length",
    (rng, input) => {
      const cut = input.subarray(0, 20 + rng.int(input.length - 19));
      return withLength(cut, cut.length);
    },
  ],
  ["length-lie", (rng, input) => withLength(input, rng.int(5000))],
  ["length-off-by-few", (rng, input) => withLength(input, input.length + rng.int(9) - 4)],
  [
    "attribute-length-lie",
    (rng, input) => {
      const out = Buffer.from(input);
      let offset = 20;
      const target = rng.int(8);
      for (let i = 0; i < target && offset + 1 < out.length && out[offset + 1] >= 2; i++) offset += out[offset + 1];
      if (offset + 1 < out.length) out[offset + 1] = rng.int(256);
      return out;
    },
  ],
  [
    "append-random-vsa",
    (rng, input) => {
      const body = Buffer.concat([input, randomVsa(rng)]);
      return withLength(body, body.length);
    },
  ],
  [
    "append-random-attribute",
    (rng, input) => {
      const value = rng.bytes(rng.int(40));
      const body = Buffer.concat([input, Buffer.from([1 + rng.int(255), value.length + 2]), value]);
      return withLength(body, body.length);
    },
  ],
  [
    "splice",
    (rng, input, pool) => {
      const other = rng.pick(pool).raw;
      const cut = rng.int(Math.min(input.length, other.length));
      return Buffer.concat([input.subarray(0, cut), other.subarray(cut)]);
    },
  ],
  [
    "swap-authenticator",
    (rng, input, pool) => {
      const out = Buffer.from(input);
      rng.pick(pool).raw.copy(out, 4, 4, 20);
      return out;
    },
  ],
  ["random-bytes", (rng) => rng.bytes(rng.int(4200))],
  [
    "random-structured",
    (rng) => {
      const attributes: RadiusAttribute[] = [];
      for (let i = rng.int(12); i > 0; i--) {
        attributes.push(
          rng.int(3) === 0
            ? { type: 26, vendorId: rng.pick([14988, 311]), vendorType: rng.int(32), value: rng.bytes(rng.int(60)) }
            : { type: 1 + rng.int(255), value: rng.bytes(rng.int(60)) },
        );
      }
      const code = rng.pick(Object.values(RadiusCode));
      const raw = encodePacket({ code, identifier: rng.int(256), authenticator: rng.bytes(16), attributes });
      return rng.int(4) === 0 ? Buffer.concat([raw, rng.bytes(rng.int(32))]) : raw;
    },
  ],
];

// ---- the verification path -------------------------------------------------------------------

/** Read every attribute through its typed getter, as a handler would. */
function readAllTyped(packet: RadiusPacket): void {
  for (const attr of packet.attributes) {
    const def = getAttributeByCode(attr.vendorType ?? attr.type, attr.vendorId ?? 0);
    if (def) safely(() => readTyped(packet, def));
  }
  safely(() => packet.getCounter64("Acct-Input-Octets", "Acct-Input-Gigawords"));
}

function readTyped(packet: RadiusPacket, def: AttributeDefinition): unknown {
  // The dictionary type is checked first, so narrowing the name is sound.
  switch (def.type) {
    case "string":
      return packet.getString(def.name as AttributeNameOfType<"string">);
    case "integer":
      return packet.getInteger(def.name as AttributeNameOfType<"integer">);
    case "ipaddr":
    case "ipv6addr":
      return packet.getIp(def.name as AttributeNameOfType<"ipaddr" | "ipv6addr">);
    case "ipv6prefix":
      return packet.getIpv6Prefix(def.name as AttributeNameOfType<"ipv6prefix">);
    case "date":
      return packet.getDate(def.name as AttributeNameOfType<"date">);
    case "octets":
      return packet.getBuffer(def.name);
  }
}

function safely(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof RadiusDecodeError)) throw error;
  }
}

/** Run every credential check the server has; each runs even if integrity already failed. */
function credentialsOk(packet: RadiusPacket): boolean {
  const hidden = packet.getBuffer("User-Password");
  if (hidden) safely(() => unhidePassword(hidden, SECRET, packet.authenticator));
  const pap = verifyPapRequest(packet, SECRET, PASSWORD);
  const chap = verifyChapRequest(packet, PASSWORD);
  const response50 = packet.getBuffer("MS-CHAP2-Response");
  const challenge = packet.getBuffer("MS-CHAP-Challenge") ?? Buffer.alloc(0);
  const mschap =
    response50 !== undefined &&
    verifyMschapV2({ username: packet.getString("User-Name") ?? "", ntHash: NT_HASH, authenticatorChallenge: challenge, response50 }).ok;
  const v1 = packet.getBuffer("MS-CHAP-Response");
  if (v1) verifyMschapV1({ ntHash: NT_HASH, challenge, response50: v1 });
  return pap || chap || mschap;
}

/** True when the server would accept the datagram; throws only RadiusDecodeError. */
function serverAccepts(datagram: Buffer, original: Original): { accepted: boolean; packet: RadiusPacket } {
  const packet = decodePacket(datagram);
  if (packet.raw.length !== packet.raw.readUInt16BE(2) || packet.raw.length > datagram.length) {
    throw new Error("decoded raw does not match the Length field");
  }
  readAllTyped(packet);
  const credentials = credentialsOk(packet);
  if (original.request) {
    const reply = verifyResponse({ request: original.request, response: packet, secret: SECRET });
    return { accepted: reply.ok, packet };
  }
  const integrity = verifyRequest(packet, SECRET);
  const needsCredentials = packet.code === RadiusCode.AccessRequest;
  return { accepted: integrity.ok && (!needsCredentials || credentials), packet };
}

// ---- the run ---------------------------------------------------------------------------------

describe("fuzzing decodePacket and the verification path", () => {
  it(`survives ${ITERATIONS} random and mutated packets (seed ${SEED})`, () => {
    const rng = new Rng(SEED);
    const originals = buildOriginals(rng);
    // A splice or a swap can reproduce another intact original, so "intact" means any of them.
    const intact = new Set(originals.map((o) => o.raw.toString("hex")));
    const failures: string[] = [];
    const acceptedBy = new Map<string, number>();
    let decoded = 0;
    for (let iteration = 0; iteration < ITERATIONS && failures.length < 10; iteration++) {
      const original = originals[iteration % originals.length];
      const [mutationName, mutate] = MUTATIONS[rng.int(MUTATIONS.length)];
      const datagram = mutate(rng, original.raw, originals);
      const where = `seed ${SEED} iteration ${iteration} ${original.name}/${mutationName} ${datagram.toString("hex")}`;
      try {
        const { accepted, packet } = serverAccepts(datagram, original);
        decoded++;
        if (accepted && !intact.has(packet.raw.toString("hex"))) failures.push(`accepted a modified packet: ${where}`);
        if (accepted) acceptedBy.set(mutationName, (acceptedBy.get(mutationName) ?? 0) + 1);
        if (!accepted && mutationName === "intact") failures.push(`rejected an intact original: ${where}`);
      } catch (error) {
        if (!(error instanceof RadiusDecodeError)) failures.push(`${String(error)}: ${where}`);
      }
    }
    expect(failures).toEqual([]);
    // The run must have exercised both outcomes, or it proves nothing.
    expect(acceptedBy.get("intact")).toBeGreaterThan(0);
    expect(acceptedBy.get("random-tail")).toBeGreaterThan(0);
    expect(decoded).toBeGreaterThan(ITERATIONS / 4);
    // Mutations that always change the signed bytes must never be accepted (the others, such as a
    // splice at the point where two packets agree, can reproduce the original by chance).
    for (const name of ["bit-flips", "append-random-vsa", "append-random-attribute", "random-bytes", "random-structured"]) {
      expect(acceptedBy.get(name), name).toBeUndefined();
    }
  });
});
