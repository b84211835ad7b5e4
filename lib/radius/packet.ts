// The RADIUS packet codec (RFC 2865 §3, §5): strict bounds-checked decoding into ordered raw attributes
// with typed getters, and encoding from typed, dictionary-named attributes.

import { isKnownCode, type RadiusCodeValue } from "./codes";
import {
  getAttributeByName,
  type AttributeDefinition,
  type AttributeName,
  type AttributeNameOfType,
  type AttributeValue,
} from "./dictionary";
import { RadiusDecodeError, RadiusEncodeError } from "./errors";
import {
  decodeDate,
  decodeInteger,
  decodeIpv4,
  decodeIpv6,
  decodeIpv6Prefix,
  encodeTypedValue,
} from "./values";

export const HEADER_LENGTH = 20;
export const MIN_PACKET_LENGTH = 20;
export const MAX_PACKET_LENGTH = 4096;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 253;
/** 253 minus the vendor id (4) and the vendor type and length bytes (2). */
export const MAX_VENDOR_VALUE_LENGTH = 247;
export const VENDOR_SPECIFIC = 26;

/**
 * One attribute as it was on the wire. A VSA is split into one entry per sub-attribute (type 26 with
 * vendorId and vendorType); a VSA whose sub-attributes do not parse stays a single raw type 26 entry.
 */
export interface RadiusAttribute {
  readonly type: number;
  readonly vendorId?: number;
  readonly vendorType?: number;
  readonly value: Buffer;
}

export class RadiusPacket {
  constructor(
    readonly code: RadiusCodeValue,
    readonly identifier: number,
    readonly authenticator: Buffer,
    /** The packet bytes up to its Length field; what every authenticator check runs over. */
    readonly raw: Buffer,
    readonly attributes: readonly RadiusAttribute[],
  ) {}

  has(name: AttributeName): boolean {
    return this.getBuffer(name) !== undefined;
  }

  /** The value of the first occurrence, as raw bytes. */
  getBuffer(name: AttributeName): Buffer | undefined {
    const def = definitionOf(name);
    return this.attributes.find((attr) => matches(attr, def))?.value;
  }

  /** Every occurrence in packet order (Proxy-State, Class, Mikrotik-Address-List …). */
  getAll(name: AttributeName): Buffer[] {
    const def = definitionOf(name);
    return this.attributes.filter((attr) => matches(attr, def)).map((attr) => attr.value);
  }

  /** UTF-8 text; invalid sequences become U+FFFD rather than failing the packet. */
  getString(name: AttributeNameOfType<"string">): string | undefined {
    return this.getBuffer(name)?.toString("utf8");
  }

  getInteger(name: AttributeNameOfType<"integer">): number | undefined {
    const value = this.getBuffer(name);
    return value === undefined ? undefined : decodeInteger(value, name);
  }

  getIp(name: AttributeNameOfType<"ipaddr" | "ipv6addr">): string | undefined {
    const value = this.getBuffer(name);
    if (value === undefined) return undefined;
    return definitionOf(name).type === "ipaddr" ? decodeIpv4(value, name) : decodeIpv6(value, name);
  }

  getIpv6Prefix(name: AttributeNameOfType<"ipv6prefix">): string | undefined {
    const value = this.getBuffer(name);
    return value === undefined ? undefined : decodeIpv6Prefix(value, name);
  }

  getDate(name: AttributeNameOfType<"date">): Date | undefined {
    const value = this.getBuffer(name);
    return value === undefined ? undefined : decodeDate(value, name);
  }

  /**
   * A 64-bit counter from a 32-bit attribute and its wrap count (RFC 2869 §5.1-5.2):
   * gigawords × 2^32 + octets. Undefined when the low word is absent; a missing high word is 0.
   */
  getCounter64(
    octets: AttributeNameOfType<"integer">,
    gigawords: AttributeNameOfType<"integer">,
  ): bigint | undefined {
    const low = this.getInteger(octets);
    if (low === undefined) return undefined;
    const high = this.getInteger(gigawords) ?? 0;
    return (BigInt(high) << 32n) + BigInt(low);
  }
}

function definitionOf(name: AttributeName): AttributeDefinition {
  const def = getAttributeByName(name);
  // Unreachable for typed callers; guards JavaScript callers and stale names.
  if (!def) throw new RadiusEncodeError("unknown_attribute", `unknown attribute "${name}"`);
  return def;
}

function matches(attr: RadiusAttribute, def: AttributeDefinition): boolean {
  if (def.vendorId === 0) return attr.type === def.code && attr.vendorId === undefined;
  return attr.type === VENDOR_SPECIFIC && attr.vendorId === def.vendorId && attr.vendorType === def.code;
}

// ---- decode ----------------------------------------------------------------------------------

/**
 * Decode and structurally validate one datagram. Throws only RadiusDecodeError. Bytes past the Length
 * field are padding and ignored (RFC 2865 §3); the returned packet owns a private copy of its bytes.
 */
export function decodePacket(input: Uint8Array): RadiusPacket {
  if (!(input instanceof Uint8Array)) throw new RadiusDecodeError("too_short", "not a byte buffer");
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.length < HEADER_LENGTH) {
    throw new RadiusDecodeError("too_short", `packet is ${buf.length} bytes, the header alone is 20`);
  }
  const length = buf.readUInt16BE(2);
  if (length < MIN_PACKET_LENGTH || length > MAX_PACKET_LENGTH) {
    throw new RadiusDecodeError("bad_length", `Length field ${length} is outside 20..4096`);
  }
  if (buf.length < length) {
    throw new RadiusDecodeError("truncated", `Length field says ${length} bytes but only ${buf.length} arrived`);
  }
  const code = buf[0];
  if (!isKnownCode(code)) throw new RadiusDecodeError("unknown_code", `unknown packet code ${code}`);
  const raw = Buffer.from(buf.subarray(0, length));
  return new RadiusPacket(code, raw[1], raw.subarray(4, HEADER_LENGTH), raw, decodeAttributes(raw));
}

function decodeAttributes(raw: Buffer): RadiusAttribute[] {
  const attributes: RadiusAttribute[] = [];
  let offset = HEADER_LENGTH;
  while (offset < raw.length) {
    if (offset + 2 > raw.length) {
      throw new RadiusDecodeError("bad_attribute_length", `attribute header at offset ${offset} is cut off`);
    }
    const type = raw[offset];
    const length = raw[offset + 1];
    if (length < 2 || offset + length > raw.length) {
      throw new RadiusDecodeError("bad_attribute_length", `attribute ${type} at offset ${offset} has length ${length}`);
    }
    const value = raw.subarray(offset + 2, offset + length);
    if (type === VENDOR_SPECIFIC) attributes.push(...decodeVendorSpecific(value));
    else attributes.push({ type, value });
    offset += length;
  }
  return attributes;
}

function decodeVendorSpecific(value: Buffer): RadiusAttribute[] {
  // RFC 2865 §5.26: Length >= 7, i.e. a vendor id and at least one byte of vendor data.
  if (value.length < 5) throw new RadiusDecodeError("bad_vsa", `Vendor-Specific value is ${value.length} bytes`);
  const vendorId = value.readUInt32BE(0);
  return splitVendorAttributes(vendorId, value.subarray(4)) ?? [{ type: VENDOR_SPECIFIC, value }];
}

/** The common vendor format (1-byte type, 1-byte length); undefined when the data doesn't follow it. */
function splitVendorAttributes(vendorId: number, data: Buffer): RadiusAttribute[] | undefined {
  // RFC 2865 §5.26: the high-order octet of the vendor id is 0 (it is an SMI enterprise code).
  if (vendorId > 0xffffff) return undefined;
  const out: RadiusAttribute[] = [];
  let offset = 0;
  while (offset < data.length) {
    if (offset + 2 > data.length) return undefined;
    const vendorType = data[offset];
    const length = data[offset + 1];
    if (length < 2 || offset + length > data.length) return undefined;
    out.push({ type: VENDOR_SPECIFIC, vendorId, vendorType, value: data.subarray(offset + 2, offset + length) });
    offset += length;
  }
  return out;
}

// ---- encode ----------------------------------------------------------------------------------

/** A dictionary-named attribute with a typed value, e.g. ["Session-Timeout", 3600]. */
export type NamedAttribute = { [N in AttributeName]: readonly [N, AttributeValue<N>] }[AttributeName];

export type AttributeInput = NamedAttribute | RadiusAttribute;

export interface EncodePacketInput {
  code: RadiusCodeValue;
  identifier: number;
  /** Defaults to 16 zero bytes; the sign/response helpers overwrite it. */
  authenticator?: Buffer;
  attributes: readonly AttributeInput[];
}

/** Encode a packet as given: no authenticator computation (see response.ts for that). */
export function encodePacket(input: EncodePacketInput): Buffer {
  return assemblePacket(input.code, input.identifier, input.authenticator, input.attributes.map(encodeAttribute));
}

/** Header plus already encoded attributes, with the header fields and total length checked. */
export function assemblePacket(
  code: number,
  identifier: number,
  authenticator: Buffer | undefined,
  encodedAttributes: readonly Buffer[],
): Buffer {
  if (!isKnownCode(code)) throw new RadiusEncodeError("bad_code", `unknown packet code ${code}`);
  if (!Number.isInteger(identifier) || identifier < 0 || identifier > 255) {
    throw new RadiusEncodeError("bad_header", `identifier ${identifier} is not 0..255`);
  }
  const auth = authenticator ?? Buffer.alloc(16);
  if (auth.length !== 16) throw new RadiusEncodeError("bad_header", `authenticator is ${auth.length} bytes, not 16`);
  const length = HEADER_LENGTH + encodedAttributes.reduce((sum, attr) => sum + attr.length, 0);
  if (length > MAX_PACKET_LENGTH) {
    throw new RadiusEncodeError("packet_too_long", `packet would be ${length} bytes, the maximum is 4096`);
  }
  const header = Buffer.alloc(HEADER_LENGTH);
  header[0] = code;
  header[1] = identifier;
  header.writeUInt16BE(length, 2);
  auth.copy(header, 4);
  return Buffer.concat([header, ...encodedAttributes], length);
}

export function encodeAttribute(input: AttributeInput): Buffer {
  if (isNamedAttribute(input)) {
    const def = getAttributeByName(input[0]);
    if (!def) throw new RadiusEncodeError("unknown_attribute", `unknown attribute "${input[0]}"`);
    const value = encodeTypedValue(def, input[1]);
    return def.vendorId === 0
      ? encodeStandard(def.code, value, def.name)
      : encodeVendor(def.vendorId, def.code, value, def.name);
  }
  return encodeRaw(input);
}

function isNamedAttribute(input: AttributeInput): input is NamedAttribute {
  return Array.isArray(input);
}

function encodeRaw(attr: RadiusAttribute): Buffer {
  checkByte(attr.type, "attribute type", 1);
  if (attr.vendorId === undefined) return encodeStandard(attr.type, attr.value, `attribute ${attr.type}`);
  if (attr.type !== VENDOR_SPECIFIC) {
    throw new RadiusEncodeError("bad_value", `attribute ${attr.type} has a vendorId but is not Vendor-Specific`);
  }
  if (!Number.isInteger(attr.vendorId) || attr.vendorId < 0 || attr.vendorId > 0xffffff) {
    throw new RadiusEncodeError("bad_value", `vendor id ${attr.vendorId} is not 0..2^24-1`);
  }
  const vendorType = attr.vendorType ?? -1;
  checkByte(vendorType, "vendor type", 0);
  return encodeVendor(attr.vendorId, vendorType, attr.value, `vendor ${attr.vendorId} attribute ${vendorType}`);
}

function checkByte(value: number, label: string, min: number): void {
  if (!Number.isInteger(value) || value < min || value > 255) {
    throw new RadiusEncodeError("bad_value", `${label} ${value} is not ${min}..255`);
  }
}

function encodeStandard(type: number, value: Buffer, label: string): Buffer {
  if (value.length > MAX_ATTRIBUTE_VALUE_LENGTH) {
    throw new RadiusEncodeError(
      "value_too_long",
      `${label} is ${value.length} bytes; at most ${MAX_ATTRIBUTE_VALUE_LENGTH} fit in one attribute`,
    );
  }
  return Buffer.concat([Buffer.from([type, value.length + 2]), value]);
}

function encodeVendor(vendorId: number, vendorType: number, value: Buffer, label: string): Buffer {
  if (value.length > MAX_VENDOR_VALUE_LENGTH) {
    throw new RadiusEncodeError(
      "value_too_long",
      `${label} is ${value.length} bytes; at most ${MAX_VENDOR_VALUE_LENGTH} fit in one vendor attribute`,
    );
  }
  const header = Buffer.alloc(8);
  header[0] = VENDOR_SPECIFIC;
  header[1] = value.length + 8;
  header.writeUInt32BE(vendorId, 2);
  header[6] = vendorType;
  header[7] = value.length + 2;
  return Buffer.concat([header, value]);
}
