// One keyset-paged batch of the filtered customer list for CSV export, in creation order, so an
// export of 100,000 rows streams in constant memory without deep OFFSETs.
import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, ipPools, packages } from "@/lib/db/schema";
import { formatMoneyInput } from "@/lib/money";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { customerWhere, type CustomerFilters } from "./find-customers";

export const EXPORT_HEADER = ["type", "name", "username", "phone", "email", "package", "expires_at", "status", "mac_address", "static_ip", "ip_pool", "latitude", "longitude", "address", "notes", "wallet_balance", "auto_renew", "online", "created_at"];

export interface ExportCursor {
  createdAt: Date;
  id: string;
}

export async function findCustomersForExport(
  db: Database,
  input: CustomerFilters & { tenantId: string; after?: ExportCursor | null; limit?: number },
): Promise<{ rows: unknown[][]; next: ExportCursor | null }> {
  const f: CustomerFilters = input;
  const limit = Math.min(input.limit ?? 2000, 5000);
  const conds: SQL[] = [customerWhere(input.tenantId, f)];
  if (input.after) {
    conds.push(or(gt(customers.createdAt, input.after.createdAt), and(eq(customers.createdAt, input.after.createdAt), gt(customers.id, input.after.id)))!);
  }
  const rows = await db
    .select({
      id: customers.id,
      type: customers.type,
      name: customers.name,
      username: customers.username,
      phone: customers.phone,
      email: customers.email,
      packageName: packages.name,
      expiresAt: customers.expiresAt,
      status: customers.status,
      macAddress: customers.macAddress,
      staticIp: customers.staticIp,
      poolName: ipPools.name,
      latitude: customers.latitude,
      longitude: customers.longitude,
      address: customers.address,
      notes: customers.notes,
      walletBalance: customers.walletBalance,
      autoRenew: customers.autoRenew,
      online: customers.online,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .leftJoin(packages, eq(packages.id, customers.packageId))
    .leftJoin(ipPools, eq(ipPools.id, customers.ipPoolId))
    .where(and(...conds))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(limit);
  const last = rows.at(-1);
  const currency = (await getTenantLocale(db, input.tenantId)).currency;
  return {
    rows: rows.map((r) => [
      r.type,
      r.name,
      r.username,
      r.phone,
      r.email,
      r.packageName,
      r.expiresAt,
      r.status,
      r.macAddress,
      r.staticIp,
      r.poolName,
      r.latitude,
      r.longitude,
      r.address,
      r.notes,
      formatMoneyInput(r.walletBalance, currency),
      r.autoRenew,
      r.online,
      r.createdAt,
    ]),
    next: rows.length === limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
