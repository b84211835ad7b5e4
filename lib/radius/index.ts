// Public API of the RADIUS protocol library: pure encode/decode, authenticators and credential checks,
// with no I/O. Transport, secrets lookup and logging live in the worker.

export { RadiusCode, REPLY_CODES, isKnownCode, type RadiusCodeValue } from "./codes";
export {
  ACCT_AUTHENTIC,
  ACCT_STATUS_TYPE,
  ACCT_TERMINATE_CAUSE,
  ERROR_CAUSE,
  FRAMED_PROTOCOL,
  MS_MPPE_ENCRYPTION_POLICY,
  MS_MPPE_ENCRYPTION_TYPES,
  NAS_PORT_TYPE,
  SERVICE_TYPE,
  TERMINATION_ACTION,
  VENDOR_MICROSOFT,
  VENDOR_MIKROTIK,
  getAttributeByCode,
  getAttributeByName,
  getValueName,
  listAttributes,
  type AttributeDataType,
  type AttributeDefinition,
  type AttributeName,
  type AttributeNameOfType,
  type AttributeValue,
} from "./dictionary";
export {
  RadiusDecodeError,
  RadiusEncodeError,
  type RadiusDecodeReason,
  type RadiusEncodeReason,
} from "./errors";
export {
  MAX_PACKET_LENGTH,
  RadiusPacket,
  decodePacket,
  encodeAttribute,
  encodePacket,
  type AttributeInput,
  type EncodePacketInput,
  type NamedAttribute,
  type RadiusAttribute,
} from "./packet";
export {
  computeMessageAuthenticator,
  computeRequestAuthenticator,
  computeResponseAuthenticator,
  verifyMessageAuthenticator,
  verifyRequestAuthenticator,
  verifyResponseAuthenticator,
  type MessageAuthenticatorStatus,
  type RadiusSecret,
} from "./authenticator";
export {
  encodeAccessRequest,
  encodeAccountingRequest,
  encodeRequest,
  encodeResponse,
  type EncodeAccessRequestInput,
  type EncodeRequestInput,
  type EncodeResponseInput,
} from "./response";
export {
  verifyRequest,
  verifyResponse,
  type SentRequest,
  type VerifyFailure,
  type VerifyRequestOptions,
  type VerifyResponseInput,
  type VerifyResult,
} from "./verify";
export { hidePassword, unhidePassword, verifyPapPassword, verifyPapRequest } from "./pap";
export { chapChallengeOf, chapResponse, verifyChap, verifyChapRequest } from "./chap";
export {
  decryptMppeKey,
  encryptMppeKey,
  generateAuthenticatorResponse,
  generateMschapV2Response,
  generateNtResponse,
  mppeServerKeys128,
  mschapErrorValue,
  mschapV2AcceptAttributes,
  mschapV2SuccessValue,
  ntPasswordHash,
  stripDomain,
  verifyMschapV1,
  verifyMschapV2,
  type MschapCredentials,
  type MschapV2Result,
  type VerifyMschapV1Input,
  type VerifyMschapV2Input,
} from "./mschap";
export { RateLimitError, formatRate, formatRateLimit, parseRate, parseRateLimit, type RateLimit } from "./rate-limit";
