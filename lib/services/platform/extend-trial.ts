// The platform operator extends a tenant's trial by some days (from today if it already ended).
import { eq } from "drizzle-orm";
import { z } from "zod";
import { tenants } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { zUuid } from "@/lib/services/zod-helpers";

export const extendTrialSchema = z.object({
  tenantId: zUuid("Tenant id"),
  days: z.coerce.number({ message: "Enter a number of days" }).int("Whole days only").min(1, "At least 1 day").max(365, "At most 365 days"),
});

export type ExtendTrialInput = z.output<typeof extendTrialSchema>;

export async function extendTrial(db: Database, input: ExtendTrialInput, actor: Actor) {
  const [before] = await db.select().from(tenants).where(eq(tenants.id, input.tenantId));
  if (!before) throw notFound("Tenant");
  if (before.status !== "TRIAL") throw new AppError("CONFLICT", "Only a tenant on trial can have its trial extended", { fieldErrors: { days: ["This tenant is not on trial"] } });
  const base = Math.max(Date.now(), before.trialEndsAt?.getTime() ?? 0);
  const trialEndsAt = new Date(base + input.days * 86_400_000);
  await db.update(tenants).set({ trialEndsAt }).where(eq(tenants.id, input.tenantId));
  await recordAudit(db, {
    tenantId: input.tenantId,
    actor,
    action: "platform.trial_extend",
    targetType: "tenant",
    targetId: input.tenantId,
    before: { trialEndsAt: before.trialEndsAt },
    after: { trialEndsAt, days: input.days },
  });
  return { trialEndsAt };
}
