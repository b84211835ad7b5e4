// Live-session control: CoA/Disconnect to routers, quota enforcement, stale-session cleanup.
import { JOBS } from "@/lib/jobs/names";
import { DynamicAuthClient } from "@/lib/radius-client";
import { changeSessionRate } from "@/lib/services/sessions/change-session-rate";
import { closeStaleSessions } from "@/lib/services/sessions/close-stale-sessions";
import { disconnectSessions } from "@/lib/services/sessions/disconnect-sessions";
import { enforceQuota } from "@/lib/services/sessions/enforce-quota";
import type { ChangeSessionRateJob, DisconnectSessionsJob, EnforceQuotaJob } from "@/lib/services/sessions/session-jobs";
import type { WorkerContext } from "../core/context";
import type { Service } from "../core/service";
import type { JobDefinition } from "../jobs/service";

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

export function sessionJobs(ctx: WorkerContext): JobDefinition[] {
  const log = ctx.log.child({ service: "sessions" });
  return [
    {
      name: JOBS.disconnectSessions,
      concurrency: 4,
      retryLimit: 1,
      handler: async (data) => {
        const report = await disconnectSessions(ctx.db, coaClient(ctx), data as DisconnectSessionsJob);
        log.info({ tenantId: (data as DisconnectSessionsJob).tenantId, outcomes: summary(report.results) }, "disconnect done");
        return report;
      },
    },
    {
      name: JOBS.changeSessionRate,
      concurrency: 4,
      retryLimit: 1,
      handler: (data) => changeSessionRate(ctx.db, coaClient(ctx), data as ChangeSessionRateJob),
    },
    {
      name: JOBS.enforceQuota,
      concurrency: 4,
      retryLimit: 2,
      handler: async (data) => {
        const report = await enforceQuota(ctx.db, coaClient(ctx), data as EnforceQuotaJob);
        log.info({ tenantId: (data as EnforceQuotaJob).tenantId, action: report.action, outcomes: summary(report.results) }, "quota enforced");
        return report;
      },
    },
    {
      name: JOBS.closeStaleSessions,
      cron: "* * * * *",
      retryLimit: 0,
      handler: async () => {
        const result = await closeStaleSessions(ctx.db);
        if (result.closed > 0) log.info(result, "stale sessions closed");
        return result;
      },
    },
  ];
}

function summary(results: { outcome: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) out[r.outcome] = (out[r.outcome] ?? 0) + 1;
  return out;
}
