// Moves customers (one or a bulk selection) to another package of their connection type; online ones
// get the new speed at once by CoA, without a reconnect.
import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, packages } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/services/audit/record-audit";
import { rateLimitOf } from "@/lib/services/packages/package-fields";
import { recordCustomerAudits } from "./record-customer-audits";
import { customerIdsField, type BulkResult } from "./set-customers-status";
import { requestRateChange } from "@/lib/services/sessions/request-rate-change";
import type { SessionCommandRequest } from "@/lib/services/sessions/session-commands-outcome";
import { uuidField } from "@/lib/ids";

export const changeCustomersPackageSchema = z.object({
  ids: customerIdsField,
  packageId: uuidField("Choose a package from the list"),
});
export type ChangeCustomersPackageInput = z.output<typeof changeCustomersPackageSchema>;

export async function changeCustomersPackage(
  db: Database,
  input: ChangeCustomersPackageInput & { tenantId: string },
  actor: Actor,
): Promise<BulkResult & { rateChanges: number; rateJobs: SessionCommandRequest[] }> {
  const { ids, packageId } = input;
  const [pkg] = await db
    .select()
    .from(packages)
    .where(and(eq(packages.tenantId, input.tenantId), eq(packages.id, packageId)))
    .limit(1);
  if (!pkg) throw new AppError("INVALID_INPUT", "Choose a package from the list", { fieldErrors: { packageId: ["Choose a package from the list"] } });
  if (pkg.retiredAt) throw new AppError("INVALID_INPUT", `“${pkg.name}” is retired`, { fieldErrors: { packageId: [`“${pkg.name}” is retired; choose a current package`] } });
  const unique = [...new Set(ids)];
  const before = await db
    .select({ id: customers.id, packageId: customers.packageId, type: customers.type })
    .from(customers)
    .where(and(eq(customers.tenantId, input.tenantId), inArray(customers.id, unique)))
    .for("update");
  if (unique.length === 1 && before.length === 0) throw notFound("Customer");
  if (unique.length === 1 && before[0].type !== pkg.type) {
    throw new AppError("INVALID_INPUT", `“${pkg.name}” is a ${pkg.type} package`, { fieldErrors: { packageId: [`“${pkg.name}” is a ${pkg.type} package; this customer is ${before[0].type}`] } });
  }
  const rows = await db
    .update(customers)
    .set({ packageId: pkg.id, updatedAt: new Date() })
    .where(and(eq(customers.tenantId, input.tenantId), inArray(customers.id, unique), eq(customers.type, pkg.type), ne(customers.packageId, pkg.id)))
    .returning({ id: customers.id, online: customers.online });
  const prev = new Map(before.map((b) => [b.id, b.packageId]));
  await recordCustomerAudits(db, {
    tenantId: input.tenantId,
    actor,
    action: "customer.package.change",
    entries: rows.map((r) => ({ id: r.id, before: { packageId: prev.get(r.id) }, after: { packageId: pkg.id, package: pkg.name } })),
  });
  const rateLimit = rateLimitOf(pkg);
  // The jobs, so the edge can wait for the routers' answers after the commit (sessionCommandsOutcome).
  const rateJobs: SessionCommandRequest[] = [];
  for (const r of rows) {
    if (r.online && rateLimit) {
      const res = await requestRateChange(db, { tenantId: input.tenantId, customerId: r.id, rateLimit });
      if (res.jobId) rateJobs.push({ jobId: res.jobId, openSessions: res.openSessions });
    }
  }
  return { updated: rows.length, skipped: unique.length - rows.length, rateChanges: rateJobs.length, rateJobs };
}
