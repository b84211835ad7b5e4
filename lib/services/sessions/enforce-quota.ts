// Worker side of JOBS.enforceQuota (sent by accounting when a quota is used up): a package with a
// fair-usage policy throttles the live sessions by CoA without a reconnect; otherwise they are disconnected.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, packages } from "@/lib/db/schema";
import { formatRateLimit } from "@/lib/radius";
import { changeSessionRate } from "./change-session-rate";
import type { CoaSender } from "./coa-targets";
import { disconnectSessions } from "./disconnect-sessions";
import type { EnforceQuotaJob, SessionCommandReport } from "./session-jobs";

/** The Mikrotik-Rate-Limit of a package's fair-usage speed, or null when it has none. */
export function fairUsageRate(pkg: { fupDownloadKbps: number | null; fupUploadKbps: number | null }): string | null {
  const down = pkg.fupDownloadKbps ?? pkg.fupUploadKbps;
  const up = pkg.fupUploadKbps ?? pkg.fupDownloadKbps;
  if (down === null || up === null || down <= 0 || up <= 0) return null;
  return formatRateLimit({ uploadKbps: up, downloadKbps: down });
}

export async function enforceQuota(db: Database, coa: CoaSender, job: EnforceQuotaJob): Promise<SessionCommandReport> {
  const [row] = await db
    .select({ id: customers.id, fupDownloadKbps: packages.fupDownloadKbps, fupUploadKbps: packages.fupUploadKbps })
    .from(customers)
    .leftJoin(packages, and(eq(packages.id, customers.packageId), eq(packages.tenantId, customers.tenantId)))
    .where(and(eq(customers.tenantId, job.tenantId), eq(customers.id, job.customerId)))
    .limit(1);
  if (!row) return { results: [], action: "NONE" };
  await db
    .update(customers)
    .set({ quotaExceededAt: new Date() })
    .where(and(eq(customers.tenantId, job.tenantId), eq(customers.id, job.customerId), isNull(customers.quotaExceededAt)));
  const rate = fairUsageRate({ fupDownloadKbps: row.fupDownloadKbps ?? null, fupUploadKbps: row.fupUploadKbps ?? null });
  // Enforced from now on, whatever the routers answer (the sweep re-sends only what never ran).
  await db
    .update(customers)
    .set({ quotaEnforcedAt: new Date() })
    .where(and(eq(customers.tenantId, job.tenantId), eq(customers.id, job.customerId)));
  if (rate) {
    const report = await changeSessionRate(db, coa, {
      tenantId: job.tenantId,
      customerId: job.customerId,
      sessionIds: job.sessionIds,
      rateLimit: rate,
      reason: "quota used: fair-usage speed",
      requestedBy: "system:quota",
    });
    return { ...report, action: "THROTTLE", rateLimit: rate };
  }
  const report = await disconnectSessions(db, coa, {
    tenantId: job.tenantId,
    sessionIds: job.sessionIds?.length ? job.sessionIds : undefined,
    customerId: job.customerId,
    reason: "quota used",
    requestedBy: "system:quota",
  });
  return { ...report, action: "DISCONNECT" };
}
