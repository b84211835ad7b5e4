// IPv4 arithmetic and the field rules of IP pools: CIDR blocks, address ranges inside them, a gateway,
// and the computed usable range when none is given.
import { z } from "zod";
import { blank } from "@/lib/services/zod-helpers";
import { isUuid } from "@/lib/ids";
import { canonicalField } from "@/lib/net/field";
import { canonicalIpv4, intToIpv4 as intToIp, ipv4ToInt as ipToInt } from "@/lib/net/ip";

export interface Cidr {
  network: number;
  prefix: number;
  /** Last address of the block. */
  broadcast: number;
}

/** "10.0.0.0/24" → the block; null when it is not IPv4 CIDR or has host bits set. */
export function parseCidr(text: string): Cidr | null {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(text.trim());
  if (!m || canonicalIpv4(m[1]) === null) return null;
  const prefix = Number(m[2]);
  if (prefix < 8 || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  const network = ipToInt(m[1]);
  if (network % size !== 0) return null;
  return { network, prefix, broadcast: network + size - 1 };
}

/** The usable hosts of a block: without network and broadcast addresses, except for /31 and /32. */
export function usableRange(c: Cidr): { start: number; end: number } {
  if (c.prefix >= 31) return { start: c.network, end: c.broadcast };
  return { start: c.network + 1, end: c.broadcast - 1 };
}

/** Addresses a pool can hand out: its range, less the gateway when the gateway lies inside it. */
export function poolSize(p: { rangeStart: string; rangeEnd: string; gateway: string | null }): number {
  const start = ipToInt(p.rangeStart);
  const end = ipToInt(p.rangeEnd);
  const g = p.gateway ? ipToInt(p.gateway) : -1;
  return end - start + 1 - (g >= start && g <= end ? 1 : 0);
}

/** An IPv4 address in canonical form (lib/net/ip.ts), so pools, static IPs and assignments compare as text. */
export const ipField = (label: string) => z.preprocess(blank, canonicalField(canonicalIpv4, `${label} must be an IPv4 address such as 10.10.0.1`).optional());

export const idField = (label: string) => z.preprocess(blank, z.string().refine(isUuid, `Choose a ${label}`).optional());

export const ipPoolBaseSchema = z.object({
  name: z.string({ message: "Enter a name" }).trim().min(2, "Name must be at least 2 characters").max(60, "Name must be at most 60 characters"),
  cidr: z
    .string({ message: "Enter the network in CIDR form, e.g. 10.10.0.0/24" })
    .trim()
    .min(1, "Enter the network in CIDR form, e.g. 10.10.0.0/24")
    .refine((v) => parseCidr(v) !== null, "Enter an IPv4 network such as 10.10.0.0/24 (prefix /8 to /32, no host bits set)")
    // Stored canonical, like every address: 010.010.000.000/24 is 10.10.0.0/24.
    .transform((v) => {
      const c = parseCidr(v);
      return c ? `${intToIp(c.network)}/${c.prefix}` : v;
    }),
  rangeStart: ipField("Range start"),
  rangeEnd: ipField("Range end"),
  gateway: ipField("Gateway"),
  nasId: idField("router"),
  packageId: idField("package"),
});

export type IpPoolFields = z.output<typeof ipPoolBaseSchema>;

/**
 * Completes and checks a pool's addresses: a missing range is the block's usable hosts (starting after
 * the gateway when the gateway is the first host); the range and gateway must lie inside the block.
 */
export function resolvePoolRange(given: IpPoolFields, addIssue: (path: string, message: string) => void): { rangeStart: string; rangeEnd: string } | null {
  const c = parseCidr(given.cidr);
  if (!c) return null;
  // An address that is not one has its own field error already; the others are still checked.
  const readable = (x: string | undefined) => (x !== undefined && canonicalIpv4(x) !== null ? x : undefined);
  const unreadable = [given.rangeStart, given.rangeEnd, given.gateway].some((x) => x !== undefined && readable(x) === undefined);
  const v = { ...given, rangeStart: readable(given.rangeStart), rangeEnd: readable(given.rangeEnd), gateway: readable(given.gateway) };
  const usable = usableRange(c);
  const g = v.gateway ? ipToInt(v.gateway) : null;
  let start = v.rangeStart ? ipToInt(v.rangeStart) : usable.start;
  let end = v.rangeEnd ? ipToInt(v.rangeEnd) : usable.end;
  if (!v.rangeStart && g === start && start < end) start++;
  if (!v.rangeEnd && g === end && end > start) end--;
  let ok = true;
  if (v.rangeStart && (start < c.network || start > c.broadcast)) {
    addIssue("rangeStart", `Range start must be inside ${v.cidr}`);
    ok = false;
  }
  if (v.rangeEnd && (end < c.network || end > c.broadcast)) {
    addIssue("rangeEnd", `Range end must be inside ${v.cidr}`);
    ok = false;
  }
  if (ok && !unreadable && start > end) {
    addIssue("rangeEnd", "Range end must not come before range start");
    ok = false;
  }
  if (g !== null && (g < c.network || g > c.broadcast)) {
    addIssue("gateway", `Gateway must be inside ${v.cidr}`);
    ok = false;
  }
  if (g !== null && c.prefix < 31 && (g === c.network || g === c.broadcast)) {
    addIssue("gateway", "Gateway cannot be the network or broadcast address");
    ok = false;
  }
  if (ok && g !== null && start === end && g === start) {
    addIssue("gateway", "The range has no address left besides the gateway");
    ok = false;
  }
  return ok && !unreadable ? { rangeStart: intToIp(start), rangeEnd: intToIp(end) } : null;
}

/** The stored columns of a pool's validated fields and resolved range (create and update alike). */
export function ipPoolColumns(data: { name: string; cidr: string; rangeStart: string; rangeEnd: string; gateway?: string | null; nasId?: string | null; packageId?: string | null }) {
  return {
    name: data.name,
    cidr: data.cidr,
    rangeStart: data.rangeStart,
    rangeEnd: data.rangeEnd,
    gateway: data.gateway ?? null,
    routerId: data.nasId ?? null,
    packageId: data.packageId ?? null,
  };
}

export const ipPoolConstraintMessages = {
  ip_pools_tenant_name_key: ["name", "A pool with this name already exists"],
} as const satisfies Record<string, [string, string]>;
