// One pool of the tenant with utilisation and its assignments (address → customer); another tenant's
// id is NOT_FOUND.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, ipAssignments, ipPools } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { poolSelect, toPoolRow, type IpPoolRow } from "./find-ip-pools";

export interface IpAssignmentRow {
  ip: string;
  customerId: string;
  customerName: string | null;
  customerUsername: string | null;
  assignedAt: Date;
}

export async function getIpPool(db: Database, input: { tenantId: string; id: string }): Promise<IpPoolRow & { assignments: IpAssignmentRow[] }> {
  if (!isUuid(input.id)) throw notFound("IP pool");
  const [row] = await poolSelect(db, input.tenantId)
    .where(and(eq(ipPools.tenantId, input.tenantId), eq(ipPools.id, input.id)))
    .limit(1);
  if (!row) throw notFound("IP pool");
  const assignments = await db
    .select({
      ip: ipAssignments.ip,
      customerId: ipAssignments.customerId,
      customerName: customers.name,
      customerUsername: customers.username,
      assignedAt: ipAssignments.createdAt,
    })
    .from(ipAssignments)
    .leftJoin(customers, and(eq(customers.id, ipAssignments.customerId), eq(customers.tenantId, ipAssignments.tenantId)))
    .where(and(eq(ipAssignments.tenantId, input.tenantId), eq(ipAssignments.poolId, row.id)))
    // Numeric address order: 10.0.0.9 before 10.0.0.10.
    .orderBy(asc(sql`${ipAssignments.ip}::inet`))
    .limit(5_000);
  return { ...toPoolRow(row), assignments };
}
