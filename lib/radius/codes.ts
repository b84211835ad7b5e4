// RADIUS packet codes (RFC 2865 §4, RFC 2866 §4, RFC 5176 §2) and which ones are requests or replies.

export const RadiusCode = {
  AccessRequest: 1,
  AccessAccept: 2,
  AccessReject: 3,
  AccountingRequest: 4,
  AccountingResponse: 5,
  AccessChallenge: 11,
  StatusServer: 12,
  DisconnectRequest: 40,
  DisconnectAck: 41,
  DisconnectNak: 42,
  CoaRequest: 43,
  CoaAck: 44,
  CoaNak: 45,
} as const;

export type RadiusCodeValue = (typeof RadiusCode)[keyof typeof RadiusCode];

const KNOWN_CODES: ReadonlySet<number> = new Set(Object.values(RadiusCode));

export function isKnownCode(code: number): code is RadiusCodeValue {
  return KNOWN_CODES.has(code);
}

/** Replies allowed for each request code; used to reject mismatched pairs on both sides. */
export const REPLY_CODES: Readonly<Record<number, readonly RadiusCodeValue[]>> = {
  [RadiusCode.AccessRequest]: [RadiusCode.AccessAccept, RadiusCode.AccessReject, RadiusCode.AccessChallenge],
  // RFC 5997: Status-Server to an auth port is answered with Access-Accept, to an acct port with Accounting-Response.
  [RadiusCode.StatusServer]: [RadiusCode.AccessAccept, RadiusCode.AccountingResponse],
  [RadiusCode.AccountingRequest]: [RadiusCode.AccountingResponse],
  [RadiusCode.DisconnectRequest]: [RadiusCode.DisconnectAck, RadiusCode.DisconnectNak],
  [RadiusCode.CoaRequest]: [RadiusCode.CoaAck, RadiusCode.CoaNak],
};

/**
 * Requests whose authenticator is an MD5 over the packet with a zeroed authenticator field
 * (RFC 2866 §3, RFC 5176 §2.3) rather than 16 random bytes.
 */
export function isSignedRequestCode(code: number): boolean {
  return code === RadiusCode.AccountingRequest || code === RadiusCode.CoaRequest || code === RadiusCode.DisconnectRequest;
}

/** Requests whose authenticator is 16 random bytes (the Access-Request family). */
export function isRandomAuthenticatorCode(code: number): boolean {
  return code === RadiusCode.AccessRequest || code === RadiusCode.StatusServer;
}
