// Every router of the installation keyed by its source address: the RADIUS edge resolves a packet's tenant
// and shared secret from this map, so it is deliberately cross-tenant (the address is unique platform-wide).
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { openSecret } from "@/lib/crypto";
import { canonicalIp } from "@/lib/net/ip";

export interface RouterEntry {
  id: string;
  tenantId: string;
  name: string;
  ipAddress: string;
  secret: Buffer;
  requireMessageAuthenticator: boolean;
  coaPort: number;
}

/** A router row as stored (secret still sealed): what a worker may keep on disk for a cold start. */
export type SealedRouterRow = {
  id: string;
  tenant_id: string;
  name: string;
  ip_address: string;
  secret_sealed: string;
  require_message_authenticator: boolean;
  coa_port: number;
};

export interface RouterRegistryLoad {
  entries: Map<string, RouterEntry>;
  rows: SealedRouterRow[];
  /** Router rows whose secret could not be opened (wrong key); they are left out and reported. */
  unreadable: { id: string; ipAddress: string }[];
  /**
   * Rows that claim an address another row claims too (only an old snapshot can hold such rows: the
   * database refuses them). None of them is served: picking one could hand a tenant another's traffic.
   */
  conflicts: { id: string; tenantId: string; ipAddress: string }[];
}

export async function loadRouterRegistry(db: Database): Promise<RouterRegistryLoad> {
  // Suspended tenants' routers stay: in grace their subscribers keep service, otherwise they are refused
  // with a Reply-Message (decideAccess), and their accounting (the disconnects' Stops) is still recorded.
  const rows = await db.execute<SealedRouterRow>(sql`select n.id, n.tenant_id, n.name, n.ip_address, n.secret_sealed, n.require_message_authenticator, n.coa_port from nas n`);
  return registryFromRows([...rows]);
}

/** Opens the secrets of stored rows (from the database, or a worker's on-disk snapshot). */
export function registryFromRows(rows: SealedRouterRow[]): RouterRegistryLoad {
  const entries = new Map<string, RouterEntry>();
  const unreadable: RouterRegistryLoad["unreadable"] = [];
  const conflicts: RouterRegistryLoad["conflicts"] = [];
  const claimed = new Map<string, SealedRouterRow[]>();
  for (const r of rows) {
    const ip = canonicalIp(r.ip_address) ?? r.ip_address;
    claimed.set(ip, [...(claimed.get(ip) ?? []), r]);
  }
  for (const [ip, claims] of claimed) {
    if (claims.length === 1) continue;
    for (const r of claims) conflicts.push({ id: r.id, tenantId: r.tenant_id, ipAddress: r.ip_address });
    claimed.delete(ip);
  }
  for (const [ip, [r]] of claimed) {
    let secret: string;
    try {
      secret = openSecret("nas-secret", r.secret_sealed);
    } catch {
      unreadable.push({ id: r.id, ipAddress: r.ip_address });
      continue;
    }
    entries.set(ip, {
      id: r.id,
      tenantId: r.tenant_id,
      name: r.name,
      ipAddress: r.ip_address,
      secret: Buffer.from(secret, "utf8"),
      requireMessageAuthenticator: r.require_message_authenticator,
      coaPort: r.coa_port,
    });
  }
  return { entries, rows, unreadable, conflicts };
}
