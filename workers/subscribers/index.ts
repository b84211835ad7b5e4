// Subscriber automation: every minute, expire customers whose time ran out (renewing from wallet
// balance when auto-renew and the balance allow) and disconnect their live sessions; and mark vouchers
// past their redeem-by date or expiry as EXPIRED.
import { expireCustomersJob, expireVouchersJob } from "@/lib/jobs/catalog";
import { expireCustomers } from "@/lib/services/customers/expire-customers";
import { expireVouchers } from "@/lib/services/vouchers/expire-vouchers";
import type { WorkerContext } from "../core/context";
import { handle, type JobHandler } from "../jobs/service";

export function subscriberJobs(ctx: WorkerContext): JobHandler[] {
  const log = ctx.log.child({ component: "subscribers" });
  return [
    handle(expireCustomersJob, async () => {
      const started = Date.now();
      const r = await expireCustomers(ctx.db);
      if (r.renewed || r.expired) log.info({ ...r, ms: Date.now() - started }, "customer expiry sweep");
      return r;
    }),
    handle(expireVouchersJob, async () => {
      const r = await expireVouchers(ctx.db);
      if (r.expired) log.info(r, "voucher expiry sweep");
      return r;
    }),
  ];
}
