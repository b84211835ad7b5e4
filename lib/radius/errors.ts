// Typed errors for the RADIUS codec: decoders throw only RadiusDecodeError (the caller drops the
// datagram), encoders throw RadiusEncodeError (a programming or configuration mistake).

export type RadiusDecodeReason =
  | "too_short"
  | "bad_length"
  | "truncated"
  | "unknown_code"
  | "bad_attribute_length"
  | "bad_vsa"
  | "bad_attribute_value"
  | "bad_password";

export class RadiusDecodeError extends Error {
  readonly reason: RadiusDecodeReason;

  constructor(reason: RadiusDecodeReason, message: string) {
    super(message);
    this.name = "RadiusDecodeError";
    this.reason = reason;
  }
}

export type RadiusEncodeReason =
  | "unknown_attribute"
  | "bad_value"
  | "value_too_long"
  | "packet_too_long"
  | "bad_header"
  | "bad_code"
  | "reserved_attribute"
  | "bad_secret";

export class RadiusEncodeError extends Error {
  readonly reason: RadiusEncodeReason;

  constructor(reason: RadiusEncodeReason, message: string) {
    super(message);
    this.name = "RadiusEncodeError";
    this.reason = reason;
  }
}
