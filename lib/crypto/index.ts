// The process keyring from configuration, plus helpers for secrets, tokens and their hashes.
import crypto from "node:crypto";
import { env } from "@/lib/env";
import { parseKeyring, seal, open, type Keyring } from "./seal";

export { parseKeyring, seal, open, needsReseal, sealedKeyId, SealError, type Keyring } from "./seal";

let keyring: Keyring | undefined;

export function appKeyring(): Keyring {
  keyring ??= parseKeyring(env().ENCRYPTION_KEYS);
  return keyring;
}

/** Purposes bind each sealed value to what it is (used as AAD). */
export type SecretPurpose = "nas-secret" | "nas-api-password" | "snmp-community" | "customer-password" | "totp" | "payment-credential" | "sms-credential" | "radius-state";

export const sealSecret = (purpose: SecretPurpose, plaintext: string) => seal(appKeyring(), plaintext, purpose);
export const openSecret = (purpose: SecretPurpose, sealed: string) => open(appKeyring(), sealed, purpose);

/** A random token for URLs and headers. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/** Tokens (sessions, API keys, reset links) are stored only as SHA-256 hashes. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Random text from an alphabet without modulo bias. */
export function randomString(length: number, alphabet: string): string {
  const out: string[] = [];
  const max = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const b of crypto.randomBytes(length * 2)) {
      if (b < max) out.push(alphabet[b % alphabet.length]);
      if (out.length === length) break;
    }
  }
  return out.join("");
}
