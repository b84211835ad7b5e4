// RADIUS authentication and accounting servers (UDP). Composed into the worker by workers/main.ts.
import type { WorkerContext } from "../core/context";
import type { Service } from "../core/service";

export function radiusServices(_ctx: WorkerContext): Service[] {
  return [];
}
