// Live-session control: CoA/Disconnect to routers, quota enforcement, stale-session cleanup.
import type { WorkerContext } from "../core/context";
import type { Service } from "../core/service";
import type { JobDefinition } from "../jobs/service";

export function sessionServices(_ctx: WorkerContext): Service[] {
  return [];
}

export function sessionJobs(_ctx: WorkerContext): JobDefinition[] {
  return [];
}
