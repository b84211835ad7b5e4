// Asks the worker to disconnect every live session of a customer (suspension, expiry, staff action)
// without waiting for the routers' answers. Nothing is sent when the customer has no open session.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, sessions } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { JOBS } from "@/lib/jobs/names";
import { wakeJobRunner } from "@/lib/jobs/send";
import { zUuid } from "@/lib/services/zod-helpers";
import { enqueueSessionJob, type DisconnectSessionsJob } from "./session-jobs";

export const requestCustomerDisconnectSchema = z.object({
  tenantId: zUuid("tenant"),
  customerId: zUuid("customer"),
  reason: z.string().trim().max(200).optional(),
  /** See DisconnectSessionsJob.whenStatusIn: for a disconnect asked from inside a status change. */
  whenStatusIn: z.array(z.string()).optional(),
});
export type RequestCustomerDisconnectInput = z.input<typeof requestCustomerDisconnectSchema>;

export interface RequestCustomerDisconnectResult {
  /** pg-boss job id, or null when there was nothing to disconnect. */
  jobId: string | null;
  openSessions: number;
}

export async function requestCustomerDisconnect(db: Database, input: RequestCustomerDisconnectInput): Promise<RequestCustomerDisconnectResult> {
  const { tenantId, customerId, reason, whenStatusIn } = requestCustomerDisconnectSchema.parse(input);
  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .limit(1);
  if (!customer) throw notFound("Customer");
  const open = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.customerId, customerId)));
  if (open.length === 0) return { jobId: null, openSessions: 0 };
  const job: DisconnectSessionsJob = { tenantId, customerId, reason: reason ?? "customer disconnect", requestedBy: "system", whenStatusIn };
  if (!whenStatusIn) return { jobId: await enqueueSessionJob(JOBS.disconnectSessions, job), openSessions: open.length };
  // Inside a status change: the runner is woken by a NOTIFY of this transaction, delivered at its commit
  // (never, if it rolls back). Should the job still run first, it retries a few times a second apart, and a
  // rolled-back change ends as a failed job.
  const jobId = await enqueueSessionJob(JOBS.disconnectSessions, job, { retryLimit: 5, retryDelay: 1, wake: false });
  await wakeJobRunner(db, JOBS.disconnectSessions);
  return { jobId, openSessions: open.length };
}
