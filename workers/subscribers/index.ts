// Subscriber automation: every minute, expire customers whose time ran out (renewing from wallet
// balance when auto-renew and the balance allow) and disconnect their live sessions; and mark vouchers
// past their redeem-by date or expiry as EXPIRED.
import { JOBS } from "@/lib/jobs/names";
import { expireCustomers } from "@/lib/services/customers/expire-customers";
import { expireVouchers } from "@/lib/services/vouchers/expire-vouchers";
import type { WorkerContext } from "../core/context";
import type { JobDefinition } from "../jobs/service";

export function subscriberJobs(ctx: WorkerContext): JobDefinition[] {
  const log = ctx.log.child({ component: "subscribers" });
  return [
    {
      name: JOBS.expireCustomers,
      cron: "* * * * *",
      retryLimit: 1,
      handler: async () => {
        const started = Date.now();
        const r = await expireCustomers(ctx.db);
        if (r.renewed || r.expired) log.info({ ...r, ms: Date.now() - started }, "customer expiry sweep");
        return r;
      },
    },
    {
      name: JOBS.expireVouchers,
      cron: "* * * * *",
      retryLimit: 1,
      handler: async () => {
        const r = await expireVouchers(ctx.db);
        if (r.expired) log.info(r, "voucher expiry sweep");
        return r;
      },
    },
  ];
}
