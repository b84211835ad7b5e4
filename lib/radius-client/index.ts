// CoA/Disconnect client for live-session control (RFC 5176).
export { DynamicAuthClient, type DynamicAuthClientOptions, type DynamicAuthCode, type DynamicAuthOutcome, type DynamicAuthRequest, type DynamicAuthResult, type DynamicAuthTarget } from "./client";
export { sessionIdentification, type SessionIdentity } from "./identification";
