// Job names shared by the web (which sends commands) and the worker (which runs them).
export const JOBS = {
  /** Daily: create next months' history partitions and drop those past retention. */
  maintainPartitions: "maintenance.partitions",
  /** Every few minutes: drop expired rate-limit windows, reset tokens, staff sessions and old sent mail. */
  purgeExpired: "maintenance.purge-expired",
  /** Command: send RADIUS Disconnect-Request for sessions (one session, a customer's, or a router's). */
  disconnectSessions: "sessions.disconnect",
  /** Command: change a live session's authorization (rate) by CoA-Request. */
  changeSessionRate: "sessions.change-rate",
  /** Command from accounting: a customer's quota is used up; throttle (fair usage) or disconnect. */
  enforceQuota: "sessions.enforce-quota",
  /** Schedule: enqueue enforcement for customers whose quota is used up but was never enforced. */
  sweepQuota: "sessions.sweep-quota",
  /** Schedule: close sessions with no accounting update for too long. */
  closeStaleSessions: "sessions.close-stale",
  /** Schedule: expire customers whose time ran out (renew from wallet when allowed). */
  expireCustomers: "customers.expire",
  /** Schedule: mark vouchers past their redeem-by date or expiry as EXPIRED. */
  expireVouchers: "vouchers.expire",
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];
