// REST refresh tokens carry their session (the family) and a MAC over it: "<sessionId>.<random>.<mac>".
// Only the current one is stored (as a hash); a token with a valid MAC that is no longer current was
// rotated away, so presenting it again is a replay and ends the whole session (OAuth 2.0 Security BCP).
import crypto from "node:crypto";
import { env } from "@/lib/env";
import { randomToken } from "@/lib/crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(sessionId: string, nonce: string): Buffer {
  return crypto.createHmac("sha256", env().AUTH_SECRET).update(`refresh:${sessionId}.${nonce}`).digest().subarray(0, 18);
}

export function issueRefreshToken(sessionId: string): string {
  const nonce = randomToken(32);
  return `${sessionId}.${nonce}.${mac(sessionId, nonce).toString("base64url")}`;
}

/** The session a refresh token was issued for, when its MAC proves we issued it; else null. */
export function refreshTokenSession(token: string): string | null {
  const [sessionId, nonce, given, ...rest] = token.split(".");
  if (rest.length || !sessionId || !nonce || !given || !UUID.test(sessionId)) return null;
  const expected = mac(sessionId, nonce);
  const got = Buffer.from(given, "base64url");
  return got.length === expected.length && crypto.timingSafeEqual(got, expected) ? sessionId.toLowerCase() : null;
}
