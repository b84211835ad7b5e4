// One typed definition per job: its name, the zod schema of its payload and its queue policy. The sender
// (enqueueJob, inside the caller's transaction) and the worker (which validates every payload it takes)
// both use the same object, so the two sides cannot drift apart.
import type { z } from "zod";
import type { JobName } from "./names";

export interface QueuePolicy {
  /** Retries after a failure (pg-boss retryLimit). */
  retryLimit: number;
  /** Seconds before a retry; doubled each time when retryBackoff. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A running job is failed (and retried) after this long. */
  expireInSeconds?: number;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: JobName;
  payload: S;
  queue: QueuePolicy;
  /** cron (UTC) for scheduled jobs; command jobs have none. */
  cron?: string;
  /** How many of this job one worker runs at once. */
  concurrency?: number;
}

export type JobPayload<D extends JobDefinition> = z.output<D["payload"]>;
export type JobInput<D extends JobDefinition> = z.input<D["payload"]>;

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
