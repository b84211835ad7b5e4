// Live-session control: CoA/Disconnect to routers, quota enforcement (and its sweep), stale-session cleanup.
import { changeSessionRateJob, closeStaleSessionsJob, disconnectSessionsJob, enforceQuotaJob, sweepQuotaJob } from "@/lib/jobs/catalog";
import { DynamicAuthClient } from "@/lib/radius-client";
import { changeSessionRate } from "@/lib/services/sessions/change-session-rate";
import { closeStaleSessions } from "@/lib/services/sessions/close-stale-sessions";
import { disconnectSessions } from "@/lib/services/sessions/disconnect-sessions";
import { enforceQuota } from "@/lib/services/sessions/enforce-quota";
import { sweepUnenforcedQuotas } from "@/lib/services/sessions/sweep-unenforced-quotas";
import type { WorkerContext } from "../core/context";
import type { Service } from "../core/service";
import { handle, type JobHandler } from "../jobs/service";

const clients = new WeakMap<WorkerContext, DynamicAuthClient>();

/** One CoA client per worker: its Identifier bookkeeping must see every request in flight. */
function coaClient(ctx: WorkerContext): DynamicAuthClient {
  let c = clients.get(ctx);
  if (!c) clients.set(ctx, (c = new DynamicAuthClient({ timeoutMs: 2000, tries: 3, log: ctx.log.child({ service: "coa" }) })));
  return c;
}

export function sessionServices(ctx: WorkerContext): Service[] {
  return [
    {
      name: "coa-client",
      async start() {
        coaClient(ctx);
      },
      async stop() {
        await coaClient(ctx).close();
        clients.delete(ctx);
      },
    },
  ];
}

export function sessionJobs(ctx: WorkerContext): JobHandler[] {
  const log = ctx.log.child({ service: "sessions" });
  return [
    handle(disconnectSessionsJob, async (payload) => {
      const report = await disconnectSessions(ctx.db, coaClient(ctx), payload);
      log.info({ tenantId: payload.tenantId, outcomes: summary(report.results), skipped: report.skipped }, "disconnect done");
      return report;
    }),
    handle(changeSessionRateJob, (payload) => changeSessionRate(ctx.db, coaClient(ctx), payload)),
    handle(enforceQuotaJob, async (payload) => {
      const report = await enforceQuota(ctx.db, coaClient(ctx), payload);
      log.info({ tenantId: payload.tenantId, action: report.action, outcomes: summary(report.results) }, "quota enforced");
      return report;
    }),
    handle(sweepQuotaJob, async () => {
      const result = await sweepUnenforcedQuotas(ctx.db);
      if (result.enqueued > 0) log.warn(result, "quota enforcement re-sent for customers never enforced");
      return result;
    }),
    handle(closeStaleSessionsJob, async () => {
      const result = await closeStaleSessions(ctx.db);
      if (result.closed > 0) log.info(result, "stale sessions closed");
      return result;
    }),
  ];
}

function summary(results: { outcome: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) out[r.outcome] = (out[r.outcome] ?? 0) + 1;
  return out;
}
