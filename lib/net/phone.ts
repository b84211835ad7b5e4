// Phone numbers in one stored form: international digits without "+" (E.164). Kenyan mobile numbers in
// any common spelling (0712 345 678, +254 712…, 254712…, 712345678, 0110…, 110…) become 2547XXXXXXXX or
// 2541XXXXXXXX, the MSISDN M-Pesa and SMS gateways expect; other countries must be written with "+".

const KENYA_MOBILE = /^(?:254|0)?([17]\d{8})$/;

/** The stored form of a phone number, or null when it is not one. */
export function normalizePhone(input: string): string | null {
  const raw = input.trim();
  const plus = raw.startsWith("+");
  const digits = raw.replace(/[\s\-().]/g, "").replace(/^\+/, "");
  if (!/^\d+$/.test(digits)) return null;
  const kenyan = KENYA_MOBILE.exec(digits);
  // "+712345678" is not Kenyan: with a "+", the country code must be written.
  if (kenyan && (!plus || digits.startsWith("254"))) return `254${kenyan[1]}`;
  if (digits.startsWith("254")) return null;
  if (plus && digits.length >= 8 && digits.length <= 15) return digits;
  return null;
}

/** A stored number for reading: +254 712 345 678 for Kenyan mobiles, +<digits> otherwise. */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return "";
  const n = normalizePhone(/^\d+$/.test(stored) && stored.length > 10 ? `+${stored}` : stored);
  if (!n) return stored;
  if (/^254[17]\d{8}$/.test(n)) return `+254 ${n.slice(3, 6)} ${n.slice(6, 9)} ${n.slice(9)}`;
  return `+${n}`;
}
