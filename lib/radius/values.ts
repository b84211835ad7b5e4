// Conversions between typed attribute values (numbers, dotted quads, IPv6 text, dates) and wire bytes.
// Decoders throw RadiusDecodeError so a malformed value from the network is handled like any bad packet.

import { isIPv4, isIPv6 } from "node:net";
import type { AttributeDefinition } from "./dictionary";
import { RadiusDecodeError, RadiusEncodeError } from "./errors";

const UINT32_MAX = 0xffffffff;

// ---- encode ----------------------------------------------------------------------------------

export function encodeInteger(value: number, label: string): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > UINT32_MAX) {
    throw new RadiusEncodeError("bad_value", `${label}: ${value} is not an unsigned 32-bit integer`);
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value, 0);
  return out;
}

export function encodeIpv4(value: string, label: string): Buffer {
  if (!isIPv4(value)) throw new RadiusEncodeError("bad_value", `${label}: "${value}" is not an IPv4 address`);
  return Buffer.from(value.split(".").map(Number));
}

export function encodeIpv6(value: string, label: string): Buffer {
  const bytes = parseIpv6(value);
  if (!bytes) throw new RadiusEncodeError("bad_value", `${label}: "${value}" is not an IPv6 address`);
  return bytes;
}

/** RFC 3162 §2.3: reserved byte, prefix length, then only the prefix bytes that are needed. */
export function encodeIpv6Prefix(value: string, label: string): Buffer {
  const [address, lengthText, extra] = value.split("/");
  const prefixLength = Number(lengthText);
  const bytes = address === undefined ? undefined : parseIpv6(address);
  if (!bytes || extra !== undefined || !/^\d{1,3}$/.test(lengthText ?? "") || prefixLength > 128) {
    throw new RadiusEncodeError("bad_value", `${label}: "${value}" is not an IPv6 prefix like 2001:db8::/48`);
  }
  const used = Math.ceil(prefixLength / 8);
  return Buffer.concat([Buffer.from([0, prefixLength]), bytes.subarray(0, used)]);
}

export function encodeDate(value: Date | number, label: string): Buffer {
  const seconds = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  return encodeInteger(seconds, label);
}

export type TypedValue = string | number | Date | Buffer;

/** Encode a typed value per the attribute's dictionary type (no hiding: see pap.ts / mschap.ts). */
export function encodeTypedValue(def: AttributeDefinition, value: TypedValue): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (def.encrypt) {
    throw new RadiusEncodeError("bad_value", `${def.name} must be given as already hidden bytes (Buffer)`);
  }
  switch (def.type) {
    case "string":
      if (typeof value === "string") return Buffer.from(value, "utf8");
      break;
    case "integer":
      if (typeof value === "number") return encodeInteger(value, def.name);
      if (typeof value === "string") return encodeInteger(enumValue(def, value), def.name);
      break;
    case "ipaddr":
      if (typeof value === "string") return encodeIpv4(value, def.name);
      break;
    case "ipv6addr":
      if (typeof value === "string") return encodeIpv6(value, def.name);
      break;
    case "ipv6prefix":
      if (typeof value === "string") return encodeIpv6Prefix(value, def.name);
      break;
    case "date":
      if (typeof value === "number" || value instanceof Date) return encodeDate(value, def.name);
      break;
    case "octets":
      break;
  }
  throw new RadiusEncodeError("bad_value", `${def.name}: a ${typeof value} is not a valid ${def.type} value`);
}

function enumValue(def: AttributeDefinition, name: string): number {
  const value = def.values?.get(name);
  if (value === undefined) throw new RadiusEncodeError("bad_value", `${def.name}: unknown named value "${name}"`);
  return value;
}

// ---- decode ----------------------------------------------------------------------------------

function expectLength(value: Buffer, length: number, label: string): void {
  if (value.length !== length) {
    throw new RadiusDecodeError("bad_attribute_value", `${label}: expected ${length} bytes, got ${value.length}`);
  }
}

export function decodeInteger(value: Buffer, label: string): number {
  expectLength(value, 4, label);
  return value.readUInt32BE(0);
}

export function decodeIpv4(value: Buffer, label: string): string {
  expectLength(value, 4, label);
  return `${value[0]}.${value[1]}.${value[2]}.${value[3]}`;
}

export function decodeIpv6(value: Buffer, label: string): string {
  expectLength(value, 16, label);
  return formatIpv6(value);
}

export function decodeIpv6Prefix(value: Buffer, label: string): string {
  const prefixLength = value.length >= 2 ? value[1] : -1;
  const used = value.length - 2;
  if (prefixLength < 0 || prefixLength > 128 || used > 16 || used < Math.ceil(prefixLength / 8)) {
    throw new RadiusDecodeError("bad_attribute_value", `${label}: malformed IPv6 prefix`);
  }
  const bytes = Buffer.alloc(16);
  value.copy(bytes, 0, 2);
  return `${formatIpv6(bytes)}/${prefixLength}`;
}

export function decodeDate(value: Buffer, label: string): Date {
  return new Date(decodeInteger(value, label) * 1000);
}

// ---- IPv6 text <-> bytes ---------------------------------------------------------------------

/** Parse IPv6 text (with "::" and an optional trailing dotted quad) into 16 bytes. */
export function parseIpv6(text: string): Buffer | undefined {
  if (!isIPv6(text) || text.includes("%")) return undefined;
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = groupsOf(head ?? "");
  const tailGroups = tail === undefined ? [] : groupsOf(tail);
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...new Array<number>(tail === undefined ? 0 : missing).fill(0), ...tailGroups];
  const out = Buffer.alloc(16);
  groups.forEach((group, i) => out.writeUInt16BE(group, i * 2));
  return out;
}

function groupsOf(part: string): number[] {
  if (part === "") return [];
  return part.split(":").flatMap((piece) => {
    if (!piece.includes(".")) return [parseInt(piece, 16)];
    const [a, b, c, d] = piece.split(".").map(Number);
    return [(a << 8) | b, (c << 8) | d];
  });
}

/** RFC 5952 text: lowercase, longest run (>= 2) of zero groups shortened to "::". */
export function formatIpv6(bytes: Buffer): string {
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2));
  const [start, length] = longestZeroRun(groups);
  const hex = groups.map((g) => g.toString(16));
  if (length < 2) return hex.join(":");
  return `${hex.slice(0, start).join(":")}::${hex.slice(start + length).join(":")}`;
}

function longestZeroRun(groups: number[]): [number, number] {
  let best: [number, number] = [-1, 0];
  let runStart = -1;
  groups.forEach((group, i) => {
    if (group !== 0) {
      runStart = -1;
      return;
    }
    if (runStart < 0) runStart = i;
    const runLength = i - runStart + 1;
    if (runLength > best[1]) best = [runStart, runLength];
  });
  return best;
}
