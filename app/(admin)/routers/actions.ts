"use server";
// Server actions of the routers area: thin adapters over lib/services/routers and session control.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { createRouter, createRouterSchema } from "@/lib/services/routers/create-router";
import { deleteRouter } from "@/lib/services/routers/delete-router";
import { getRouterSecret } from "@/lib/services/routers/get-router-secret";
import { markRouterScriptCopied } from "@/lib/services/routers/mark-router-script-copied";
import { updateRouter, updateRouterSchema } from "@/lib/services/routers/update-router";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";
import { uuidField } from "@/lib/ids";

const idSchema = z.object({ id: uuidField("Unknown router") });

export const createRouterAction = tenantAction({ schema: createRouterSchema, permission: "routers:write", message: "Router added" }, async (ctx, input) => {
  const created = await createRouter(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/routers");
  return { id: created.id };
});

export const updateRouterAction = tenantAction({ schema: updateRouterSchema.extend(idSchema.shape), permission: "routers:write", message: "Router saved" }, async (ctx, input) => {
  const updated = await updateRouter(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/routers");
  revalidatePath(`/routers/${updated.id}`);
  return { id: updated.id };
});

export const deleteRouterAction = tenantAction({ schema: idSchema, permission: "routers:write", message: "Router deleted" }, async (ctx, input) => {
  const deleted = await deleteRouter(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  revalidatePath("/routers");
  return deleted;
});

export const revealRouterSecretAction = tenantAction({ schema: idSchema, permission: "routers:write" }, async (ctx, input) => {
  const revealed = await getRouterSecret(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  await markRouterScriptCopied(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  return revealed;
});

export const markRouterScriptCopiedAction = tenantAction({ schema: idSchema, permission: "routers:write" }, (ctx, input) =>
  markRouterScriptCopied(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor),
);

export const disconnectRouterSessionsAction = tenantAction({ schema: idSchema, permission: "sessions:control" }, async (ctx, input) => {
  const request = await requestSessionsDisconnect(ctx.tx, { tenantId: ctx.tenantId, scope: { routerId: input.id }, reason: "staff: disconnect all on router" }, ctx.actor);
  // Waits after the commit, on no connection of the request's transaction.
  return afterCommit(async () => {
    const outcome = await disconnectOutcome(getDb(), request);
    revalidatePath(`/routers/${input.id}`);
    return outcome;
  });
});
