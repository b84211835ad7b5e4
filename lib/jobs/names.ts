// Job names shared by the web (which sends commands) and the worker (which runs them).
export const JOBS = {
  /** Daily: create next months' history partitions and drop those past retention. */
  maintainPartitions: "maintenance.partitions",
  /** Every few minutes: drop expired rate-limit windows and reset tokens. */
  purgeExpired: "maintenance.purge-expired",
} as const;
