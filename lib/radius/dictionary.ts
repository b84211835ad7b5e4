// Our own typed RADIUS dictionary: the standard attributes we use (RFC 2865/2866/2869/3162/4372/4818/5176)
// plus the MikroTik (14988) and Microsoft (311, RFC 2548) vendor attributes, with O(1) lookups both ways.

export const VENDOR_MIKROTIK = 14988;
export const VENDOR_MICROSOFT = 311;

/**
 * Value encodings. "string" is RFC 2865 "text" (UTF-8) for reading convenience; binary values are
 * "octets". ipv6prefix is RFC 3162 §2.3 (reserved, prefix-length, prefix).
 */
export type AttributeDataType = "string" | "octets" | "ipaddr" | "ipv6addr" | "ipv6prefix" | "integer" | "date";

/**
 * Attributes whose value is hidden with the shared secret: callers must pass the already hidden
 * bytes, so a cleartext password can never leave through the generic encoder by mistake.
 */
export type AttributeEncryption = "user-password" | "salted";

interface AttributeSpec {
  readonly code: number;
  readonly type: AttributeDataType;
  readonly values?: Readonly<Record<string, number>>;
  readonly encrypt?: AttributeEncryption;
}

// ---- Named values --------------------------------------------------------------------------

export const SERVICE_TYPE = {
  "Login-User": 1,
  "Framed-User": 2,
  "Callback-Login-User": 3,
  "Callback-Framed-User": 4,
  "Outbound-User": 5,
  "Administrative-User": 6,
  "NAS-Prompt-User": 7,
  "Authenticate-Only": 8,
  "Callback-NAS-Prompt": 9,
  "Call-Check": 10,
  "Callback-Administrative": 11,
  "Authorize-Only": 17,
  "Framed-Management": 18,
} as const;

export const FRAMED_PROTOCOL = {
  PPP: 1,
  SLIP: 2,
  ARAP: 3,
  "Gandalf-SLML": 4,
  "Xylogics-IPX-SLIP": 5,
  "X.75-Synchronous": 6,
  "GPRS-PDP-Context": 7,
} as const;

export const TERMINATION_ACTION = { Default: 0, "RADIUS-Request": 1 } as const;

export const ACCT_STATUS_TYPE = {
  Start: 1,
  Stop: 2,
  "Interim-Update": 3,
  "Accounting-On": 7,
  "Accounting-Off": 8,
  Failed: 15,
} as const;

export const ACCT_AUTHENTIC = { RADIUS: 1, Local: 2, Remote: 3, Diameter: 4 } as const;

export const ACCT_TERMINATE_CAUSE = {
  "User-Request": 1,
  "Lost-Carrier": 2,
  "Lost-Service": 3,
  "Idle-Timeout": 4,
  "Session-Timeout": 5,
  "Admin-Reset": 6,
  "Admin-Reboot": 7,
  "Port-Error": 8,
  "NAS-Error": 9,
  "NAS-Request": 10,
  "NAS-Reboot": 11,
  "Port-Unneeded": 12,
  "Port-Preempted": 13,
  "Port-Suspended": 14,
  "Service-Unavailable": 15,
  Callback: 16,
  "User-Error": 17,
  "Host-Request": 18,
  "Supplicant-Restart": 19,
  "Reauthentication-Failure": 20,
  "Port-Reinit": 21,
  "Port-Admin-Disabled": 22,
} as const;

export const NAS_PORT_TYPE = {
  Async: 0,
  Sync: 1,
  ISDN: 2,
  "ISDN-V120": 3,
  "ISDN-V110": 4,
  Virtual: 5,
  PIAFS: 6,
  "HDLC-Clear-Channel": 7,
  "X.25": 8,
  "X.75": 9,
  "G.3-Fax": 10,
  SDSL: 11,
  "ADSL-CAP": 12,
  "ADSL-DMT": 13,
  IDSL: 14,
  Ethernet: 15,
  xDSL: 16,
  Cable: 17,
  "Wireless-Other": 18,
  "Wireless-802.11": 19,
  "Token-Ring": 20,
  FDDI: 21,
  "Wireless-CDMA2000": 22,
  "Wireless-UMTS": 23,
  "Wireless-1X-EV": 24,
  IAPP: 25,
  FTTP: 26,
  "Wireless-802.16": 27,
  "Wireless-802.20": 28,
  "Wireless-802.22": 29,
  PPPoA: 30,
  PPPoEoA: 31,
  PPPoEoE: 32,
  PPPoEoVLAN: 33,
  PPPoEoQinQ: 34,
  xPON: 35,
} as const;

/** RFC 5176 §3.5 names. */
export const ERROR_CAUSE = {
  "Residual-Session-Context-Removed": 201,
  "Invalid-EAP-Packet": 202,
  "Unsupported-Attribute": 401,
  "Missing-Attribute": 402,
  "NAS-Identification-Mismatch": 403,
  "Invalid-Request": 404,
  "Unsupported-Service": 405,
  "Unsupported-Extension": 406,
  "Invalid-Attribute-Value": 407,
  "Administratively-Prohibited": 501,
  "Request-Not-Routable": 502,
  "Session-Context-Not-Found": 503,
  "Session-Context-Not-Removable": 504,
  "Other-Proxy-Processing-Error": 505,
  "Resources-Unavailable": 506,
  "Request-Initiated": 507,
  "Multiple-Session-Selection-Unsupported": 508,
} as const;

export const MS_MPPE_ENCRYPTION_POLICY = { "Encryption-Allowed": 1, "Encryption-Required": 2 } as const;

export const MS_MPPE_ENCRYPTION_TYPES = {
  "RC4-40bit-Allowed": 1,
  "RC4-128bit-Allowed": 2,
  "RC4-40or128-bit-Allowed": 6,
} as const;

// ---- Attributes ------------------------------------------------------------------------------

const STANDARD_ATTRIBUTES = {
  "User-Name": { code: 1, type: "string" },
  "User-Password": { code: 2, type: "octets", encrypt: "user-password" },
  "CHAP-Password": { code: 3, type: "octets" },
  "NAS-IP-Address": { code: 4, type: "ipaddr" },
  "NAS-Port": { code: 5, type: "integer" },
  "Service-Type": { code: 6, type: "integer", values: SERVICE_TYPE },
  "Framed-Protocol": { code: 7, type: "integer", values: FRAMED_PROTOCOL },
  "Framed-IP-Address": { code: 8, type: "ipaddr" },
  "Framed-IP-Netmask": { code: 9, type: "ipaddr" },
  "Filter-Id": { code: 11, type: "string" },
  "Framed-MTU": { code: 12, type: "integer" },
  "Reply-Message": { code: 18, type: "string" },
  "Framed-Route": { code: 22, type: "string" },
  State: { code: 24, type: "octets" },
  Class: { code: 25, type: "octets" },
  "Vendor-Specific": { code: 26, type: "octets" },
  "Session-Timeout": { code: 27, type: "integer" },
  "Idle-Timeout": { code: 28, type: "integer" },
  "Termination-Action": { code: 29, type: "integer", values: TERMINATION_ACTION },
  "Called-Station-Id": { code: 30, type: "string" },
  "Calling-Station-Id": { code: 31, type: "string" },
  "NAS-Identifier": { code: 32, type: "string" },
  "Proxy-State": { code: 33, type: "octets" },
  "Acct-Status-Type": { code: 40, type: "integer", values: ACCT_STATUS_TYPE },
  "Acct-Delay-Time": { code: 41, type: "integer" },
  "Acct-Input-Octets": { code: 42, type: "integer" },
  "Acct-Output-Octets": { code: 43, type: "integer" },
  "Acct-Session-Id": { code: 44, type: "string" },
  "Acct-Authentic": { code: 45, type: "integer", values: ACCT_AUTHENTIC },
  "Acct-Session-Time": { code: 46, type: "integer" },
  "Acct-Input-Packets": { code: 47, type: "integer" },
  "Acct-Output-Packets": { code: 48, type: "integer" },
  "Acct-Terminate-Cause": { code: 49, type: "integer", values: ACCT_TERMINATE_CAUSE },
  "Acct-Multi-Session-Id": { code: 50, type: "string" },
  "Acct-Link-Count": { code: 51, type: "integer" },
  "Acct-Input-Gigawords": { code: 52, type: "integer" },
  "Acct-Output-Gigawords": { code: 53, type: "integer" },
  "Event-Timestamp": { code: 55, type: "date" },
  "CHAP-Challenge": { code: 60, type: "octets" },
  "NAS-Port-Type": { code: 61, type: "integer", values: NAS_PORT_TYPE },
  "Port-Limit": { code: 62, type: "integer" },
  "Connect-Info": { code: 77, type: "string" },
  "EAP-Message": { code: 79, type: "octets" },
  "Message-Authenticator": { code: 80, type: "octets" },
  "Acct-Interim-Interval": { code: 85, type: "integer" },
  "NAS-Port-Id": { code: 87, type: "string" },
  "Framed-Pool": { code: 88, type: "string" },
  "Chargeable-User-Identity": { code: 89, type: "octets" },
  "NAS-IPv6-Address": { code: 95, type: "ipv6addr" },
  "Framed-Interface-Id": { code: 96, type: "octets" },
  "Framed-IPv6-Prefix": { code: 97, type: "ipv6prefix" },
  "Framed-IPv6-Route": { code: 99, type: "string" },
  "Framed-IPv6-Pool": { code: 100, type: "string" },
  "Error-Cause": { code: 101, type: "integer", values: ERROR_CAUSE },
  "Delegated-IPv6-Prefix": { code: 123, type: "ipv6prefix" },
} as const satisfies Record<string, AttributeSpec>;

// Names carry the "Mikrotik-" prefix as in the FreeRADIUS v3 dictionary, so they match radclient output.
const MIKROTIK_ATTRIBUTES = {
  "Mikrotik-Recv-Limit": { code: 1, type: "integer" },
  "Mikrotik-Xmit-Limit": { code: 2, type: "integer" },
  "Mikrotik-Group": { code: 3, type: "string" },
  "Mikrotik-Wireless-Forward": { code: 4, type: "integer" },
  "Mikrotik-Wireless-Skip-Dot1x": { code: 5, type: "integer" },
  "Mikrotik-Wireless-Enc-Algo": { code: 6, type: "integer" },
  "Mikrotik-Wireless-Enc-Key": { code: 7, type: "string" },
  "Mikrotik-Rate-Limit": { code: 8, type: "string" },
  "Mikrotik-Realm": { code: 9, type: "string" },
  "Mikrotik-Host-IP": { code: 10, type: "ipaddr" },
  "Mikrotik-Mark-Id": { code: 11, type: "string" },
  "Mikrotik-Advertise-URL": { code: 12, type: "string" },
  "Mikrotik-Advertise-Interval": { code: 13, type: "integer" },
  "Mikrotik-Recv-Limit-Gigawords": { code: 14, type: "integer" },
  "Mikrotik-Xmit-Limit-Gigawords": { code: 15, type: "integer" },
  "Mikrotik-Wireless-PSK": { code: 16, type: "string" },
  "Mikrotik-Total-Limit": { code: 17, type: "integer" },
  "Mikrotik-Total-Limit-Gigawords": { code: 18, type: "integer" },
  "Mikrotik-Address-List": { code: 19, type: "string" },
  "Mikrotik-Wireless-MPKey": { code: 20, type: "string" },
  "Mikrotik-Wireless-Comment": { code: 21, type: "string" },
  "Mikrotik-Delegated-IPv6-Pool": { code: 22, type: "string" },
  "Mikrotik-DHCP-Option-Set": { code: 23, type: "string" },
  "Mikrotik-DHCP-Option-Param-STR1": { code: 24, type: "string" },
  "Mikrotik-DHCP-Option-Param-STR2": { code: 25, type: "string" },
  "Mikrotik-Wireless-VLANID": { code: 26, type: "integer" },
  "Mikrotik-Wireless-VLANID-Type": { code: 27, type: "integer" },
  "Mikrotik-Wireless-Minsignal": { code: 28, type: "string" },
  "Mikrotik-Wireless-Maxsignal": { code: 29, type: "string" },
  "Mikrotik-Switching-Filter": { code: 30, type: "string" },
} as const satisfies Record<string, AttributeSpec>;

const MICROSOFT_ATTRIBUTES = {
  "MS-CHAP-Response": { code: 1, type: "octets" },
  "MS-CHAP-Error": { code: 2, type: "octets" },
  "MS-MPPE-Encryption-Policy": { code: 7, type: "integer", values: MS_MPPE_ENCRYPTION_POLICY },
  "MS-MPPE-Encryption-Types": { code: 8, type: "integer", values: MS_MPPE_ENCRYPTION_TYPES },
  "MS-CHAP-Domain": { code: 10, type: "string" },
  "MS-CHAP-Challenge": { code: 11, type: "octets" },
  "MS-CHAP-MPPE-Keys": { code: 12, type: "octets" },
  "MS-MPPE-Send-Key": { code: 16, type: "octets", encrypt: "salted" },
  "MS-MPPE-Recv-Key": { code: 17, type: "octets", encrypt: "salted" },
  "MS-CHAP2-Response": { code: 25, type: "octets" },
  "MS-CHAP2-Success": { code: 26, type: "octets" },
  "MS-Primary-DNS-Server": { code: 28, type: "ipaddr" },
  "MS-Secondary-DNS-Server": { code: 29, type: "ipaddr" },
} as const satisfies Record<string, AttributeSpec>;

type StandardSpecs = typeof STANDARD_ATTRIBUTES;
type MikrotikSpecs = typeof MIKROTIK_ATTRIBUTES;
type MicrosoftSpecs = typeof MICROSOFT_ATTRIBUTES;

export type AttributeName = keyof StandardSpecs | keyof MikrotikSpecs | keyof MicrosoftSpecs;

export type AttributeSpecOf<N extends AttributeName> = N extends keyof StandardSpecs
  ? StandardSpecs[N]
  : N extends keyof MikrotikSpecs
    ? MikrotikSpecs[N]
    : N extends keyof MicrosoftSpecs
      ? MicrosoftSpecs[N]
      : never;

/** Names of attributes whose value has the given data type, e.g. for type-checked getters. */
export type AttributeNameOfType<T extends AttributeDataType> = {
  [N in AttributeName]: AttributeSpecOf<N>["type"] extends T ? N : never;
}[AttributeName];

type EnumNamesOf<S> = S extends { values: infer V } ? keyof V & string : never;

/** What the encoder accepts for an attribute, derived from its dictionary type. */
export type AttributeValue<N extends AttributeName> =
  AttributeSpecOf<N> extends { encrypt: AttributeEncryption }
    ? Buffer
    : AttributeSpecOf<N>["type"] extends "integer"
      ? number | EnumNamesOf<AttributeSpecOf<N>>
      : AttributeSpecOf<N>["type"] extends "string"
        ? string | Buffer
        : AttributeSpecOf<N>["type"] extends "date"
          ? Date | number
          : AttributeSpecOf<N>["type"] extends "octets"
            ? Buffer
            : string;

export interface AttributeDefinition {
  readonly name: AttributeName;
  readonly code: number;
  /** 0 for standard attributes. */
  readonly vendorId: number;
  readonly type: AttributeDataType;
  readonly encrypt?: AttributeEncryption;
  readonly values?: ReadonlyMap<string, number>;
  readonly valueNames?: ReadonlyMap<number, string>;
}

// ---- Lookups ---------------------------------------------------------------------------------

// vendorId < 2^32 and code < 2^8, so the product stays far below 2^53.
function codeKey(vendorId: number, code: number): number {
  return vendorId * 256 + code;
}

const BY_NAME = new Map<string, AttributeDefinition>();
const BY_CODE = new Map<number, AttributeDefinition>();

function register(vendorId: number, specs: Readonly<Record<string, AttributeSpec>>): void {
  for (const [name, spec] of Object.entries(specs)) {
    const values = spec.values ? new Map(Object.entries(spec.values)) : undefined;
    const valueNames = spec.values ? new Map(Object.entries(spec.values).map(([k, v]) => [v, k])) : undefined;
    const definition: AttributeDefinition = {
      name: name as AttributeName,
      code: spec.code,
      vendorId,
      type: spec.type,
      encrypt: spec.encrypt,
      values,
      valueNames,
    };
    BY_NAME.set(name, definition);
    BY_CODE.set(codeKey(vendorId, spec.code), definition);
  }
}

register(0, STANDARD_ATTRIBUTES);
register(VENDOR_MIKROTIK, MIKROTIK_ATTRIBUTES);
register(VENDOR_MICROSOFT, MICROSOFT_ATTRIBUTES);

export function getAttributeByName(name: string): AttributeDefinition | undefined {
  return BY_NAME.get(name);
}

/** Standard attributes use vendorId 0; vendor attributes their vendor id and vendor type. */
export function getAttributeByCode(code: number, vendorId = 0): AttributeDefinition | undefined {
  return BY_CODE.get(codeKey(vendorId, code));
}

/** The named value of an enumerated integer ("Interim-Update" for Acct-Status-Type 3), if any. */
export function getValueName(name: AttributeName, value: number): string | undefined {
  return BY_NAME.get(name)?.valueNames?.get(value);
}

export function listAttributes(): AttributeDefinition[] {
  return [...BY_NAME.values()];
}
