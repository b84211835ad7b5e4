// Asks the worker to disconnect every live session of a customer (suspension, expiry, deletion) without
// waiting for the routers' answers. The job is sent in the caller's transaction (a savepoint when it is
// one), so the change that causes the disconnect and the disconnect commit or roll back together.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { disconnectSessionsJob } from "@/lib/jobs/catalog";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { zUuid } from "@/lib/services/zod-helpers";
import { openSessionsOfCustomer } from "./coa-targets";
import type { DisconnectSessionsJob } from "./session-jobs";

export const requestCustomerDisconnectSchema = z.object({
  tenantId: zUuid("tenant"),
  customerId: zUuid("customer"),
  reason: z.string().trim().max(200).optional(),
  /** See the disconnect job's whenStatusIn: for a disconnect asked by a status change. */
  whenStatusIn: z.array(z.string()).optional(),
});
export type RequestCustomerDisconnectInput = z.output<typeof requestCustomerDisconnectSchema>;

export interface RequestCustomerDisconnectResult {
  /** pg-boss job id, or null when there was nothing to disconnect. */
  jobId: string | null;
  openSessions: number;
}

export async function requestCustomerDisconnect(db: Database, input: RequestCustomerDisconnectInput): Promise<RequestCustomerDisconnectResult> {
  const { tenantId, customerId, reason, whenStatusIn } = input;
  return db.transaction(async (tx) => {
    const open = await openSessionsOfCustomer(tx, tenantId, customerId);
    if (open.length === 0) return { jobId: null, openSessions: 0 };
    const job: DisconnectSessionsJob = { tenantId, customerId, reason: reason ?? "customer disconnect", requestedBy: "system", whenStatusIn };
    return { jobId: await enqueueJob(tx, disconnectSessionsJob, job), openSessions: open.length };
  });
}
