"use server";
// Platform operator actions: thin adapters over lib/services/platform (the only cross-tenant code).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { platformAction } from "@/lib/auth/action";
import { setTenantStatus, setTenantStatusSchema } from "@/lib/services/platform/set-tenant-status";
import { extendTrial, extendTrialSchema } from "@/lib/services/platform/extend-trial";
import { closeTenant, openTenant, openTenantSchema } from "@/lib/services/platform/open-tenant";
import { updateInstallationSettings, updateInstallationSettingsSchema } from "@/lib/services/platform/update-installation-settings";

export const setTenantStatusAction = platformAction({ schema: setTenantStatusSchema }, async (ctx, input) => {
  const t = await setTenantStatus(ctx.db, input, ctx.actor);
  revalidatePath("/platform");
  return { id: t.id, status: t.status };
});

export const extendTrialAction = platformAction({ schema: extendTrialSchema }, async (ctx, input) => {
  const r = await extendTrial(ctx.db, input, ctx.actor);
  revalidatePath("/platform");
  return { trialEndsAt: r.trialEndsAt.toISOString() };
});

export const updateInstallationSettingsAction = platformAction({ schema: updateInstallationSettingsSchema, message: "Installation settings saved" }, async (ctx, input) => {
  const saved = await updateInstallationSettings(ctx.db, input, ctx.actor);
  revalidatePath("/platform", "layout");
  return saved;
});

export const openTenantAction = platformAction({ schema: openTenantSchema }, async (ctx, input) => {
  await openTenant(ctx.db, { tenantId: input.tenantId, sessionId: ctx.staff.sessionId }, ctx.actor);
  return { redirect: "/dashboard" };
});

export const returnToPlatformAction = platformAction({ schema: z.object({}).passthrough() }, async (ctx) => {
  await closeTenant(ctx.db, { sessionId: ctx.staff.sessionId }, ctx.actor);
  return { redirect: "/platform" };
});

/** For the plain <form action> in the header banner: returns to the platform and navigates there. */
export async function returnToPlatform(): Promise<void> {
  const r = await returnToPlatformAction(null, {});
  if (r.ok) redirect("/platform");
}
