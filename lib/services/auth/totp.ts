// TOTP (RFC 6238, 30 s steps, ±1 step of clock drift) and recovery codes: the pieces the enrolment
// and sign-in services share. Secrets are sealed at rest; recovery codes are stored only as hashes.
import { authenticator } from "otplib";
import { hashToken, randomString } from "@/lib/crypto";

const totp = authenticator.clone({ window: 1 });

export const TOTP_ISSUER = "ISP Console";
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newTotpSecret(): string {
  return totp.generateSecret(20);
}

export function totpUri(account: string, secret: string): string {
  return totp.keyuri(account, TOTP_ISSUER, secret);
}

export function checkTotp(code: string, secret: string): boolean {
  return totpStep(code, secret) !== null;
}

/** The 30-second time step a valid code belongs to (now ±1 step), or null when the code is not valid. */
export function totpStep(code: string, secret: string, now = Date.now()): number | null {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  try {
    const delta = totp.clone({ epoch: now }).checkDelta(digits, secret);
    return delta === null ? null : Math.floor(now / 30_000) + delta;
  } catch {
    return null;
  }
}

/** The current code (tests and the enrolment preview use it). */
export function currentTotp(secret: string): string {
  return totp.generate(secret);
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${randomString(5, RECOVERY_ALPHABET)}-${randomString(5, RECOVERY_ALPHABET)}`);
}

/** Case, spaces and dashes do not matter when a person types a recovery code. */
export function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${code.toLowerCase().replace(/[\s-]+/g, "")}`);
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.replace(/\s+/g, ""));
}
