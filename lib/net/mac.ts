// One canonical form for MAC addresses, stored and compared everywhere: AA:BB:CC:DD:EE:FF (upper-case,
// colons), whatever spelling staff type or a router sends in Calling-Station-Id. Display is a separate
// choice (formatMac), so a tenant may show cisco dots without changing what is stored.

/** The spellings accepted: pairs joined by ":", "-", "." or " " (or nothing), and cisco's aabb.ccdd.eeff. */
const MAC_SPELLING = /^[0-9a-f]{2}([:\-. ]?)[0-9a-f]{2}(\1[0-9a-f]{2}){4}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;

/** The database's CHECK uses the same pattern (see the canonical-addresses migration). */
export const CANONICAL_MAC = /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/;

/** AA:BB:CC:DD:EE:FF, or null when the text is not a MAC address. */
export function canonicalMac(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.trim();
  if (!MAC_SPELLING.test(text)) return null;
  return text
    .replace(/[^0-9a-f]/gi, "")
    .toUpperCase()
    .match(/../g)!
    .join(":");
}

export const MAC_DISPLAY_STYLES = ["colon-upper", "colon-lower", "hyphen", "cisco"] as const;
export type MacDisplayStyle = (typeof MAC_DISPLAY_STYLES)[number];

/**
 * A MAC as the tenant wants to read it: colon-upper AA:BB:CC:DD:EE:FF (the default), colon-lower
 * aa:bb:cc:dd:ee:ff, hyphen AA-BB-CC-DD-EE-FF, cisco aabb.ccdd.eeff. Text that is not a MAC is shown as is.
 */
export function formatMac(mac: string | null | undefined, style: MacDisplayStyle = "colon-upper"): string {
  if (!mac) return "";
  const canonical = canonicalMac(mac);
  if (!canonical) return mac;
  const hex = canonical.replace(/:/g, "");
  switch (style) {
    case "colon-lower":
      return canonical.toLowerCase();
    case "hyphen":
      return canonical.replace(/:/g, "-");
    case "cisco":
      return hex.toLowerCase().match(/..../g)!.join(".");
    default:
      return canonical;
  }
}

/** The hex digits of a (partial) MAC typed into a search box, for matching whatever the separators are. */
export function macSearchDigits(text: string): string {
  return text.replace(/[^0-9a-f]/gi, "").toUpperCase();
}
