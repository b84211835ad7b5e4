// One canonical text form for IP addresses, stored and compared everywhere (routers, static IPs, pools):
// IPv4 in dotted decimal without leading zeros; an IPv4-mapped IPv6 address (::ffff:a.b.c.d, however
// spelled) is the IPv4 address it maps; other IPv6 lower-case and compressed exactly as PostgreSQL's
// host(inet) prints it, so the database's net_canonical_ip() and this module agree byte for byte.

export type IpFamily = 4 | 6;

/** Dotted quad; each part decimal 0–255 (leading zeros are read as decimal, as PostgreSQL's inet does). */
function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** Eight 16-bit words, or null. Accepts "::" once, a trailing dotted quad, any case and leading zeros. */
function parseIpv6(text: string): number[] | null {
  if (text.length > 45 || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  let tail: number[] = [];
  let head = text;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".")) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    head = text.slice(0, lastColon + 1);
    // "::1.2.3.4" leaves "::", "1::1.2.3.4" leaves "1::", "1:2:3:4:5:6:1.2.3.4" leaves "1:2:3:4:5:6:"
    if (head.endsWith(":") && !head.endsWith("::")) head = head.slice(0, -1);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const words = (s: string): number[] | null => {
    if (s === "") return [];
    const out: number[] = [];
    for (const w of s.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return null;
      out.push(parseInt(w, 16));
    }
    return out;
  };
  const left = words(halves[0]);
  const right = halves.length === 2 ? words(halves[1]) : [];
  if (!left || !right) return null;
  const given = left.length + right.length + tail.length;
  if (halves.length === 2) {
    if (given > 7) return null;
    return [...left, ...new Array<number>(8 - given).fill(0), ...right, ...tail];
  }
  return given === 8 ? [...left, ...tail] : null;
}

/** RFC 5952 text as BIND's inet_ntop prints it (PostgreSQL's too): the first longest run of ≥2 zero words is "::". */
function formatIpv6(w: number[]): string {
  let best = { base: -1, len: 0 };
  let cur = { base: -1, len: 0 };
  for (let i = 0; i < 8; i++) {
    if (w[i] === 0) {
      cur = cur.base === -1 ? { base: i, len: 1 } : { base: cur.base, len: cur.len + 1 };
      if (cur.len > best.len) best = cur;
    } else cur = { base: -1, len: 0 };
  }
  if (best.len < 2) best = { base: -1, len: 0 };
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) out += ":";
      continue;
    }
    if (i !== 0) out += ":";
    // The deprecated IPv4-compatible form (::a.b.c.d) keeps its dotted quad, as inet_ntop does.
    if (i === 6 && best.base === 0 && best.len === 6) {
      out += `${w[6] >> 8}.${w[6] & 255}.${w[7] >> 8}.${w[7] & 255}`;
      break;
    }
    out += w[i].toString(16);
  }
  if (best.base !== -1 && best.base + best.len === 8) out += ":";
  return out;
}

/** The canonical form of an IPv4 or IPv6 address, or null when the text is not one address (no prefix, no zone). */
export function canonicalIp(input: string): string | null {
  const text = input.trim();
  if (text === "") return null;
  if (!text.includes(":")) {
    const v4 = parseIpv4(text);
    return v4 ? v4.join(".") : null;
  }
  const w = parseIpv6(text);
  if (!w) return null;
  // ::ffff:0:0/96, the IPv4-mapped block: dual-stack sockets report IPv4 peers this way.
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return `${w[6] >> 8}.${w[6] & 255}.${w[7] >> 8}.${w[7] & 255}`;
  return formatIpv6(w);
}

/** The canonical form when the address is IPv4 (including an IPv4-mapped spelling); null otherwise. */
export function canonicalIpv4(input: string): string | null {
  const c = canonicalIp(input);
  return c !== null && !c.includes(":") ? c : null;
}

export function ipFamily(canonical: string): IpFamily {
  return canonical.includes(":") ? 6 : 4;
}

/** A canonical IPv4 address as an unsigned 32-bit number. */
export function ipv4ToInt(ip: string): number {
  const v4 = canonicalIpv4(ip);
  if (v4 === null) throw new RangeError(`not an IPv4 address: ${ip}`);
  return v4.split(".").reduce((n, p) => n * 256 + Number(p), 0);
}

export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}
