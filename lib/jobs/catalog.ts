// Every job the platform runs, each defined once (see define-job.ts). The queues are created from this
// list when the database is migrated; the worker attaches one handler to each.
import { z } from "zod";
import { zUuid } from "@/lib/services/zod-helpers";
import { defineJob } from "./define-job";
import { JOBS } from "./names";

const schedule = z.object({}).passthrough();

/** Disconnect-Request for live sessions. Every selector given narrows the set; at least one is required. */
export const disconnectSessionsJob = defineJob({
  name: JOBS.disconnectSessions,
  payload: z
    .object({
      tenantId: zUuid("tenantId"),
      sessionIds: z.array(zUuid("sessionIds")).optional(),
      customerId: zUuid("customerId").optional(),
      nasId: zUuid("nasId").optional(),
      reason: z.string().max(200).optional(),
      /** Who asked, for the RADIUS log ("staff:<userId>", "system:expiry", …). */
      requestedBy: z.string().max(200).optional(),
      /**
       * Act only while the customer's status is one of these (a suspension's disconnect must not cut a
       * customer resumed before the job ran).
       */
      whenStatusIn: z.array(z.string()).optional(),
      /** Act only while the tenant is suspended with refusal (a reactivation before the job ran keeps sessions). */
      whenTenantRefused: z.boolean().optional(),
    })
    .refine((p) => Boolean(p.sessionIds?.length || p.customerId || p.nasId), { message: "sessionIds, customerId or nasId is required" }),
  queue: { retryLimit: 1 },
  concurrency: 4,
});

/** CoA-Request with a new Mikrotik-Rate-Limit for a customer's live sessions. */
export const changeSessionRateJob = defineJob({
  name: JOBS.changeSessionRate,
  payload: z.object({
    tenantId: zUuid("tenantId"),
    customerId: zUuid("customerId"),
    rateLimit: z.string().min(1).max(200),
    sessionIds: z.array(zUuid("sessionIds")).optional(),
    reason: z.string().max(200).optional(),
    requestedBy: z.string().max(200).optional(),
  }),
  queue: { retryLimit: 1 },
  concurrency: 4,
});

/** A customer's quota is used up: throttle (fair usage) or disconnect. */
export const enforceQuotaJob = defineJob({
  name: JOBS.enforceQuota,
  payload: z.object({ tenantId: zUuid("tenantId"), customerId: zUuid("customerId"), sessionIds: z.array(zUuid("sessionIds")).optional() }),
  queue: { retryLimit: 2, retryBackoff: true },
  concurrency: 4,
});

export const sweepQuotaJob = defineJob({ name: JOBS.sweepQuota, payload: schedule, queue: { retryLimit: 0 }, cron: "*/2 * * * *" });
export const closeStaleSessionsJob = defineJob({ name: JOBS.closeStaleSessions, payload: schedule, queue: { retryLimit: 0 }, cron: "* * * * *" });
export const expireCustomersJob = defineJob({ name: JOBS.expireCustomers, payload: schedule, queue: { retryLimit: 1 }, cron: "* * * * *" });
export const expireVouchersJob = defineJob({ name: JOBS.expireVouchers, payload: schedule, queue: { retryLimit: 1 }, cron: "* * * * *" });
export const maintainPartitionsJob = defineJob({ name: JOBS.maintainPartitions, payload: schedule, queue: { retryLimit: 3, retryBackoff: true }, cron: "17 3 * * *" });
export const purgeExpiredJob = defineJob({ name: JOBS.purgeExpired, payload: schedule, queue: { retryLimit: 3, retryBackoff: true }, cron: "*/10 * * * *" });

export const ALL_JOBS = [
  disconnectSessionsJob,
  changeSessionRateJob,
  enforceQuotaJob,
  sweepQuotaJob,
  closeStaleSessionsJob,
  expireCustomersJob,
  expireVouchersJob,
  maintainPartitionsJob,
  purgeExpiredJob,
] as const;

export type DisconnectSessionsPayload = z.output<typeof disconnectSessionsJob.payload>;
export type ChangeSessionRatePayload = z.output<typeof changeSessionRateJob.payload>;
export type EnforceQuotaPayload = z.output<typeof enforceQuotaJob.payload>;
