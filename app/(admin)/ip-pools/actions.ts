"use server";
// Server actions of the IP pools area: thin adapters over lib/services/ip-pools.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/auth/action";
import { createIpPool, createIpPoolSchema } from "@/lib/services/ip-pools/create-ip-pool";
import { deleteIpPool } from "@/lib/services/ip-pools/delete-ip-pool";
import { updateIpPool, updateIpPoolSchema } from "@/lib/services/ip-pools/update-ip-pool";
import { uuidField } from "@/lib/ids";

const idSchema = z.object({ id: uuidField("Unknown pool") });

export const createIpPoolAction = tenantAction({ schema: createIpPoolSchema, permission: "ip-pools:write", message: "Pool created" }, async (ctx, input) => {
  const pool = await createIpPool(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/ip-pools");
  return { id: pool.id };
});

// The pool's own schema (it completes the range), beside the id of the hidden input.
export const updateIpPoolAction = tenantAction({ schema: idSchema.and(updateIpPoolSchema), permission: "ip-pools:write", message: "Pool saved" }, async (ctx, input) => {
  const pool = await updateIpPool(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/ip-pools");
  revalidatePath(`/ip-pools/${pool.id}`);
  return { id: pool.id };
});

export const deleteIpPoolAction = tenantAction({ schema: idSchema, permission: "ip-pools:write", message: "Pool deleted" }, async (ctx, { id }) => {
  const r = await deleteIpPool(ctx.tx, { tenantId: ctx.tenantId, id }, ctx.actor);
  revalidatePath("/ip-pools");
  return r;
});
