// Secrets at rest: AES-256-GCM with a key id in every sealed value, so keys can rotate without
// re-encrypting everything at once. Format: v1.<keyId>.<iv b64url>.<ciphertext b64url>.<tag b64url>
import crypto from "node:crypto";

export interface Keyring {
  activeKeyId: string;
  keys: Map<string, Buffer>;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealError";
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Parses ENCRYPTION_KEYS ("k2:base64,k1:base64"); the first key seals, all keys open. */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let activeKeyId = "";
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const idx = part.indexOf(":");
    if (idx <= 0) throw new SealError(`ENCRYPTION_KEYS: entry "${part.slice(0, 8)}…" must be keyId:base64key`);
    const id = part.slice(0, idx);
    const key = Buffer.from(part.slice(idx + 1), "base64");
    if (key.length !== 32) throw new SealError(`ENCRYPTION_KEYS: key "${id}" must decode to 32 bytes, got ${key.length}`);
    if (keys.has(id)) throw new SealError(`ENCRYPTION_KEYS: key id "${id}" appears twice`);
    keys.set(id, key);
    activeKeyId ||= id;
  }
  if (!activeKeyId) throw new SealError("ENCRYPTION_KEYS: no key given");
  return { activeKeyId, keys };
}

/** AAD binds a sealed value to its purpose, so a sealed router secret cannot be replayed as a password. */
export function seal(keyring: Keyring, plaintext: string, aad = ""): string {
  const key = keyring.keys.get(keyring.activeKeyId)!;
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${keyring.activeKeyId}|${aad}`));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", keyring.activeKeyId, iv.toString("base64url"), ct.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function open(keyring: Keyring, sealed: string, aad = ""): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") throw new SealError("sealed value is malformed");
  const [, keyId, ivB64, ctB64, tagB64] = parts;
  const key = keyring.keys.get(keyId);
  if (!key) throw new SealError(`sealed with unknown key "${keyId}"; add it to ENCRYPTION_KEYS`);
  const iv = Buffer.from(ivB64, "base64url");
  const tag = Buffer.from(tagB64, "base64url");
  // GCM verifies a truncated tag against the same number of leading bytes: a 4-byte tag is a 1 in 2^32
  // forgery. Only the full 16 bytes we write are accepted, and only our 12-byte IVs.
  if (tag.length !== TAG_BYTES || iv.length !== IV_BYTES) throw new SealError("sealed value is malformed");
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${keyId}|${aad}`));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ctB64, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealError("sealed value failed authentication (wrong key, purpose or tampered data)");
  }
}

export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(".");
  return parts.length === 5 && parts[0] === "v1" ? parts[1] : null;
}

/** True when the value was sealed with an older key and should be re-sealed. */
export function needsReseal(keyring: Keyring, sealed: string): boolean {
  return sealedKeyId(sealed) !== keyring.activeKeyId;
}
