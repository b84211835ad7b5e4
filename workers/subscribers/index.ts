// Subscriber automation: expiry, renewal from wallet balance.
import type { WorkerContext } from "../core/context";
import type { JobDefinition } from "../jobs/service";

export function subscriberJobs(_ctx: WorkerContext): JobDefinition[] {
  return [];
}
