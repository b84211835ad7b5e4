// Asks the worker to change a customer's speed live (CoA with Mikrotik-Rate-Limit on every open
// session) without waiting for the routers; the job is sent in the caller's transaction. The rate is
// validated in RouterOS syntax first.
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { changeSessionRateJob } from "@/lib/jobs/catalog";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { formatRateLimit, parseRateLimit } from "@/lib/radius";
import { zUuid } from "@/lib/services/zod-helpers";
import { openSessionsOfCustomer } from "./coa-targets";
import type { ChangeSessionRateJob } from "./session-jobs";

export const requestRateChangeSchema = z.object({
  tenantId: zUuid("tenant"),
  customerId: zUuid("customer"),
  rateLimit: z
    .string()
    .trim()
    .min(1, "Enter a rate such as 2M/4M")
    .transform((v, ctx) => {
      try {
        return formatRateLimit(parseRateLimit(v));
      } catch (e) {
        ctx.addIssue({ code: "custom", message: `Not a MikroTik rate limit: ${(e as Error).message}` });
        return z.NEVER;
      }
    }),
});
export type RequestRateChangeInput = z.output<typeof requestRateChangeSchema>;

export async function requestRateChange(db: Database, input: RequestRateChangeInput): Promise<{ jobId: string | null; openSessions: number; rateLimit: string }> {
  const { tenantId, customerId, rateLimit } = input;
  return db.transaction(async (tx) => {
    const open = await openSessionsOfCustomer(tx, tenantId, customerId);
    if (open.length === 0) return { jobId: null, openSessions: 0, rateLimit };
    const job: ChangeSessionRateJob = { tenantId, customerId, rateLimit, requestedBy: "system" };
    return { jobId: await enqueueJob(tx, changeSessionRateJob, job), openSessions: open.length, rateLimit };
  });
}
