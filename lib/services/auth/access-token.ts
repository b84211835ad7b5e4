// Short-lived REST access tokens: a compact HS256 JWT carrying only the server-side session id, so
// revoking the session (sign-out, password change) stops the token at its next use.
import crypto from "node:crypto";

export const ACCESS_TOKEN_SECONDS = 15 * 60;

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");

export function signAccessToken(secret: string, claims: { sid: string; sub: string }, ttlSeconds = ACCESS_TOKEN_SECONDS): string {
  const header = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const now = Math.floor(Date.now() / 1000);
  const payload = b64(JSON.stringify({ ...claims, iat: now, exp: now + ttlSeconds, typ: "access" }));
  const sig = crypto.createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${sig}`;
}

export function verifyAccessToken(secret: string, token: string): { sid: string; sub: string } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const expected = crypto.createHmac("sha256", secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as { alg?: string };
    if (header.alg !== "HS256") return null;
    const p = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as { sid?: unknown; sub?: unknown; exp?: unknown; typ?: unknown };
    if (p.typ !== "access" || typeof p.sid !== "string" || typeof p.sub !== "string" || typeof p.exp !== "number") return null;
    if (p.exp < Math.floor(Date.now() / 1000)) return null;
    return { sid: p.sid, sub: p.sub };
  } catch {
    return null;
  }
}
