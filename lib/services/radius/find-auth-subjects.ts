// What an Access-Request is decided on: the customer (or voucher) with its package, open-session count,
// router restriction and pool address, fetched for many requests in ONE indexed query (the hot path).
import type { Sql } from "postgres";
import type { Db } from "@/lib/db/client";
import type { Package } from "@/lib/db/schema";
import type { ValidityUnit } from "@/lib/services/packages/validity";
import { pgArray } from "./pg-array";

/** A package's columns as RADIUS reads them (the time limit in seconds), with whether the router may serve it. */
export type PackageFacts = Pick<
  Package,
  | "id"
  | "name"
  | "validityValue"
  | "downloadKbps"
  | "uploadKbps"
  | "burstDownloadKbps"
  | "burstUploadKbps"
  | "burstThresholdDownloadKbps"
  | "burstThresholdUploadKbps"
  | "burstTimeSeconds"
  | "priority"
  | "dataQuotaBytes"
  | "fupDownloadKbps"
  | "fupUploadKbps"
  | "sharedUsers"
  | "idleTimeoutSeconds"
  | "addressList"
> & { type: string; validityUnit: ValidityUnit; sessionTimeLimitSeconds: number | null; routerAllowed: boolean };

export interface AuthSubject {
  kind: "customer" | "voucher";
  id: string;
  tenantId: string;
  /** PPPOE | HOTSPOT | DHCP | STATIC for customers; HOTSPOT for vouchers. */
  type: string;
  username: string;
  /** Sealed (customers) or the plain voucher code (vouchers). */
  passwordSealed: string | null;
  voucherCode?: string;
  /** ACTIVE | SUSPENDED | EXPIRED | DISABLED; vouchers: AVAILABLE | USED | EXPIRED | REVOKED. */
  status: string;
  expiresAt: Date | null;
  redeemBy?: Date | null;
  macAddress: string | null;
  staticIp: string | null;
  ipPoolId: string | null;
  poolName: string | null;
  poolIp: string | null;
  usedBytes: bigint;
  usedSeconds: number;
  quotaExceededAt: Date | null;
  openSessions: number;
  package: PackageFacts | null;
  /** The platform suspended the tenant and chose that its subscribers be refused (not kept in grace). */
  tenantRefused: boolean;
}

export interface AuthKey {
  tenantId: string;
  routerId: string;
  username: string;
}

export const PACKAGE_COLUMNS = `
  p.id as p_id, p.name as p_name, p.type as p_type, p.validity_value, p.validity_unit, p.download_kbps, p.upload_kbps,
  p.burst_download_kbps, p.burst_upload_kbps, p.burst_threshold_download_kbps, p.burst_threshold_upload_kbps,
  p.burst_time_seconds, p.priority, p.data_quota_bytes, p.session_time_limit_seconds, p.fup_download_kbps,
  p.fup_upload_kbps, p.shared_users, p.idle_timeout_seconds, p.address_list,
  (p.all_routers or exists (select 1 from package_routers pr where pr.tenant_id = k.tenant_id and pr.package_id = p.id and pr.nas_id = k.nas_id)) as router_allowed`;

export type Row = Record<string, unknown>;

// Drizzle's postgres.js setup hands timestamps back as text; normalize to Date here.
const dateOf = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));

function packageOf(r: Row): PackageFacts | null {
  if (!r.p_id) return null;
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.p_id as string,
    name: r.p_name as string,
    type: r.p_type as string,
    validityValue: Number(r.validity_value),
    validityUnit: r.validity_unit as ValidityUnit,
    downloadKbps: Number(r.download_kbps),
    uploadKbps: Number(r.upload_kbps),
    burstDownloadKbps: n(r.burst_download_kbps),
    burstUploadKbps: n(r.burst_upload_kbps),
    burstThresholdDownloadKbps: n(r.burst_threshold_download_kbps),
    burstThresholdUploadKbps: n(r.burst_threshold_upload_kbps),
    burstTimeSeconds: n(r.burst_time_seconds),
    priority: n(r.priority),
    dataQuotaBytes: r.data_quota_bytes === null || r.data_quota_bytes === undefined ? null : BigInt(r.data_quota_bytes as bigint),
    sessionTimeLimitSeconds: n(r.session_time_limit_seconds),
    fupDownloadKbps: n(r.fup_download_kbps),
    fupUploadKbps: n(r.fup_upload_kbps),
    sharedUsers: Number(r.shared_users ?? 1),
    idleTimeoutSeconds: n(r.idle_timeout_seconds),
    addressList: (r.address_list as string | null) ?? null,
    routerAllowed: Boolean(r.router_allowed),
  };
}

/** A customer row of CUSTOMER_SELECT as an AuthSubject (also reads rows kept in a worker's snapshot). */
export function customerOf(r: Row): AuthSubject {
  return {
    kind: "customer",
    id: r.id as string,
    tenantId: r.tenant_id as string,
    type: r.type as string,
    username: r.username as string,
    passwordSealed: (r.password_sealed as string | null) ?? null,
    status: r.status as string,
    expiresAt: dateOf(r.expires_at),
    macAddress: (r.mac_address as string | null) ?? null,
    staticIp: (r.static_ip as string | null) ?? null,
    ipPoolId: (r.ip_pool_id as string | null) ?? null,
    poolName: (r.pool_name as string | null) ?? null,
    poolIp: (r.pool_ip as string | null) ?? null,
    usedBytes: BigInt((r.used_bytes as bigint | null) ?? 0n),
    usedSeconds: Number(r.used_seconds ?? 0),
    quotaExceededAt: dateOf(r.quota_exceeded_at),
    openSessions: Number(r.open_sessions ?? 0),
    package: packageOf(r),
    tenantRefused: r.tenant_refused === true,
  };
}

/** One primary-key probe per subject; cached with it, and a suspension NOTIFYs auth_changed for the tenant. */
const tenantRefused = (alias: string) =>
  `(select t.status = 'SUSPENDED' and t.suspension_mode = 'REFUSE' from tenants t where t.id = ${alias}.tenant_id) as tenant_refused`;

/** The customer's own columns (joined to ip_pools ip); the package's come from PACKAGE_COLUMNS. */
export const CUSTOMER_COLUMNS = `
  c.id, c.tenant_id, c.type, c.username, c.password_sealed, c.status, c.expires_at, c.mac_address, c.static_ip,
  c.ip_pool_id, c.used_bytes, c.used_seconds, c.quota_exceeded_at,
  (select count(*)::int from sessions s where s.tenant_id = c.tenant_id and s.customer_id = c.id) as open_sessions,
  (select a.ip from ip_assignments a where a.tenant_id = c.tenant_id and a.pool_id = c.ip_pool_id and a.customer_id = c.id limit 1) as pool_ip,
  ip.name as pool_name`;

const CUSTOMER_SELECT = `${CUSTOMER_COLUMNS}, ${tenantRefused("c")}, ${PACKAGE_COLUMNS}`;

/** The batched lookup; $1..$3 are tenant ids, router ids and usernames (exported for the benchmark's EXPLAIN). */
export const AUTH_SUBJECTS_SQL = `select k.i, ${CUSTOMER_SELECT}
       from unnest($1::uuid[], $2::uuid[], $3::text[]) with ordinality as k(tenant_id, nas_id, username, i)
       join customers c on c.tenant_id = k.tenant_id and lower(c.username) = lower(k.username)
       left join packages p on p.tenant_id = c.tenant_id and p.id = c.package_id
       left join ip_pools ip on ip.tenant_id = c.tenant_id and ip.id = c.ip_pool_id`;

/**
 * Customers by (tenant, username) for many requests at once, case-insensitively like the unique index
 * on lower(username) (routers and people mix case: JANE.W is jane.w); the result is index-aligned with `keys`
 * (null where no customer has that username in that tenant).
 */
export async function findAuthSubjects(db: Db | Sql, keys: readonly AuthKey[]): Promise<(AuthSubject | null)[]> {
  if (keys.length === 0) return [];
  const sql = "$client" in db ? db.$client : db;
  const rows = await sql.unsafe(
    AUTH_SUBJECTS_SQL,
    [pgArray(keys.map((k) => k.tenantId)), pgArray(keys.map((k) => k.routerId)), pgArray(keys.map((k) => k.username))],
    { prepare: true },
  );
  const out: (AuthSubject | null)[] = keys.map(() => null);
  for (const r of rows) out[Number(r.i) - 1] = customerOf(r);
  return out;
}

/** Hotspot MAC authentication: the customer bound to this MAC (canonical form, as stored; one per tenant). */
export async function findAuthSubjectByMac(db: Db | Sql, input: AuthKey & { mac: string }): Promise<AuthSubject | null> {
  const sql = "$client" in db ? db.$client : db;
  const rows = await sql.unsafe(
    `select ${CUSTOMER_SELECT}
       from (select $1::uuid as tenant_id, $2::uuid as nas_id) k
       join customers c on c.tenant_id = k.tenant_id and c.mac_address = $3
       left join packages p on p.tenant_id = c.tenant_id and p.id = c.package_id
       left join ip_pools ip on ip.tenant_id = c.tenant_id and ip.id = c.ip_pool_id
      order by c.created_at limit 1`,
    [input.tenantId, input.routerId, input.mac],
    { prepare: true },
  );
  return rows[0] ? customerOf(rows[0]) : null;
}

/** A voucher by its code (the User-Name of a hotspot voucher login). */
export async function findVoucherSubject(db: Db | Sql, input: AuthKey): Promise<AuthSubject | null> {
  const sql = "$client" in db ? db.$client : db;
  const rows = await sql.unsafe(
    `select ${VOUCHER_SELECT}
       from (select $1::uuid as tenant_id, $2::uuid as nas_id) k
       join vouchers v on v.tenant_id = k.tenant_id and v.code = $3
       join packages p on p.tenant_id = v.tenant_id and p.id = v.package_id`,
    [input.tenantId, input.routerId, input.username],
    { prepare: true },
  );
  return rows[0] ? voucherOf(rows[0]) : null;
}

/** The voucher's own columns; the package's come from PACKAGE_COLUMNS. */
export const VOUCHER_COLUMNS = `v.id, v.tenant_id, v.code, v.status, v.redeem_by, v.expires_at, v.mac_address, v.used_bytes, v.used_seconds,
  (select count(*)::int from sessions s where s.tenant_id = v.tenant_id and s.voucher_id = v.id) as open_sessions`;

const VOUCHER_SELECT = `${VOUCHER_COLUMNS}, ${tenantRefused("v")}, ${PACKAGE_COLUMNS}`;

/** A voucher row of VOUCHER_SELECT as an AuthSubject. */
export function voucherOf(r: Row): AuthSubject {
  return {
    kind: "voucher",
    id: r.id as string,
    tenantId: r.tenant_id as string,
    type: "HOTSPOT",
    username: r.code as string,
    passwordSealed: null,
    voucherCode: r.code as string,
    status: r.status as string,
    expiresAt: dateOf(r.expires_at),
    redeemBy: dateOf(r.redeem_by),
    macAddress: (r.mac_address as string | null) ?? null,
    staticIp: null,
    ipPoolId: null,
    poolName: null,
    poolIp: null,
    usedBytes: BigInt((r.used_bytes as bigint | null) ?? 0n),
    usedSeconds: Number(r.used_seconds ?? 0),
    quotaExceededAt: null,
    openSessions: Number(r.open_sessions ?? 0),
    package: packageOf(r),
    tenantRefused: r.tenant_refused === true,
  };
}
