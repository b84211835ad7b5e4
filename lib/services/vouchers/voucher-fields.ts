// Voucher code alphabets, the code generator and the row shape lists and exports share.
import crypto from "node:crypto";
import { z } from "zod";
import { VOUCHER_STATUSES } from "@/lib/db/enums";

/**
 * Alphabets staff can pick. "safe" drops the look-alikes 0/O, 1/I/l, 5/S, 8/B, so a code read off a
 * printed card or spoken over the phone is typed right the first time.
 */
export const VOUCHER_CHARSETS = {
  safe: { label: "Letters and digits, no look-alikes", alphabet: "ACDEFGHJKLMNPQRTUVWXYZ234679" },
  "safe-letters": { label: "Letters only, no look-alikes", alphabet: "ACDEFGHJKLMNPQRTUVWXYZ" },
  digits: { label: "Digits only (0–9)", alphabet: "0123456789" },
  "safe-digits": { label: "Digits, no look-alikes (2 3 4 6 7 9)", alphabet: "234679" },
  alphanumeric: { label: "All letters and digits (A–Z, 0–9)", alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" },
} as const;
export type VoucherCharset = keyof typeof VOUCHER_CHARSETS;
export const voucherCharsetKeys = Object.keys(VOUCHER_CHARSETS) as [VoucherCharset, ...VoucherCharset[]];

export const MAX_VOUCHERS_PER_BATCH = 10_000;

/** The key of a stored alphabet (batches store the alphabet itself), or null for a custom one. */
export function charsetKeyOf(alphabet: string): VoucherCharset | null {
  return voucherCharsetKeys.find((k) => VOUCHER_CHARSETS[k].alphabet === alphabet) ?? null;
}

/**
 * `count` distinct random codes of `length` characters from `alphabet`, each after `prefix`. Bytes are
 * drawn in bulk and rejection-sampled, so every character is uniform (no modulo bias) and 10,000 codes
 * cost a few milliseconds.
 */
export function generateCodes(count: number, opts: { prefix: string; length: number; alphabet: string; exclude?: Set<string> }): string[] {
  const { prefix, length, alphabet } = opts;
  const n = alphabet.length;
  const max = 256 - (256 % n);
  const out = new Set<string>();
  let pool = crypto.randomBytes(Math.max(64, count * length * 2));
  let pos = 0;
  const next = () => {
    for (;;) {
      if (pos >= pool.length) {
        pool = crypto.randomBytes(Math.max(64, count * length));
        pos = 0;
      }
      const b = pool[pos++];
      if (b < max) return alphabet[b % n];
    }
  };
  while (out.size < count) {
    let code = prefix;
    for (let i = 0; i < length; i++) code += next();
    if (!opts.exclude?.has(code)) out.add(code);
  }
  return [...out];
}

export const voucherStatusField = z.enum(VOUCHER_STATUSES, { message: "Choose a voucher status" });

export const voucherConstraintMessages = {
  vouchers_tenant_code_key: ["code", "A voucher with this code already exists"],
} as const satisfies Record<string, [string, string]>;
