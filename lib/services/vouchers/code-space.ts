// How long voucher codes must be so that guessing one is pointless; pure, so the form shows the same rule.
/** Guessing must be pointless: at least 2^40 possible codes for every voucher that can still log in. */
export const MIN_CODE_BITS_PER_LIVE_VOUCHER = 40;
export const MAX_CODE_LENGTH = 24;
/** The default length (random characters): enough for 200,000 live vouchers from the default set. */
export const DEFAULT_CODE_LENGTH = 12;

/**
 * The fewest random characters from an alphabet of `alphabetLength` that give 2^40 codes per live voucher
 * (`liveVouchers` counts the new batch too), compared in bits so large spaces stay exact.
 */
export function minCodeLength(alphabetLength: number, liveVouchers: number): number {
  const bits = MIN_CODE_BITS_PER_LIVE_VOUCHER + Math.log2(Math.max(1, liveVouchers));
  // The epsilon keeps an exact power (e.g. 2^40 from 32 characters) from rounding up a character.
  return Math.ceil(bits / Math.log2(alphabetLength) - 1e-9);
}

/** The field error for a code length too short for this many live vouchers; null when it is long enough. */
export function codeLengthError(alphabetLength: number, length: number, liveVouchers: number): string | null {
  const need = minCodeLength(alphabetLength, liveVouchers);
  if (length >= need) return null;
  const live = liveVouchers.toLocaleString("en");
  return need > MAX_CODE_LENGTH
    ? `Too guessable: ${live} live vouchers need more than ${MAX_CODE_LENGTH} characters from this set (2^40 codes per live voucher); choose a larger character set`
    : `Too guessable: with ${live} live voucher${liveVouchers === 1 ? "" : "s"} use at least ${need} characters from this set (2^40 possible codes per live voucher)`;
}
