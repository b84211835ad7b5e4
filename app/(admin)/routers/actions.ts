"use server";
// Server actions of the routers area: thin adapters over lib/services/nas and session control.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { createNas, createNasSchema } from "@/lib/services/nas/create-nas";
import { deleteNas } from "@/lib/services/nas/delete-nas";
import { getNasSecret } from "@/lib/services/nas/get-nas-secret";
import { markRouterScriptCopied } from "@/lib/services/nas/mark-router-script-copied";
import { updateNas, updateNasSchema } from "@/lib/services/nas/update-nas";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";
import { uuidField } from "@/lib/ids";

const idSchema = z.object({ id: uuidField("Unknown router") });

export const createNasAction = tenantAction({ schema: createNasSchema, permission: "nas:write", message: "Router added" }, async (ctx, input) => {
  const created = await createNas(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/routers");
  return { id: created.id };
});

export const updateNasAction = tenantAction({ schema: updateNasSchema.extend(idSchema.shape), permission: "nas:write", message: "Router saved" }, async (ctx, input) => {
  const updated = await updateNas(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/routers");
  revalidatePath(`/routers/${updated.id}`);
  return { id: updated.id };
});

export const deleteNasAction = tenantAction({ schema: idSchema, permission: "nas:write", message: "Router deleted" }, async (ctx, input) => {
  const deleted = await deleteNas(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  revalidatePath("/routers");
  return deleted;
});

export const revealNasSecretAction = tenantAction({ schema: idSchema, permission: "nas:write" }, async (ctx, input) => {
  const revealed = await getNasSecret(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  await markRouterScriptCopied(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  return revealed;
});

export const markRouterScriptCopiedAction = tenantAction({ schema: idSchema, permission: "nas:write" }, (ctx, input) =>
  markRouterScriptCopied(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor),
);

export const disconnectNasSessionsAction = tenantAction({ schema: idSchema, permission: "sessions:control" }, async (ctx, input) => {
  const request = await requestSessionsDisconnect(ctx.tx, { tenantId: ctx.tenantId, scope: { nasId: input.id }, reason: "staff: disconnect all on router" }, ctx.actor);
  // Waits after the commit, on no connection of the request's transaction.
  return afterCommit(async () => {
    const outcome = await disconnectOutcome(getDb(), request);
    revalidatePath(`/routers/${input.id}`);
    return outcome;
  });
});
