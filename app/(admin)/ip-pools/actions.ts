"use server";
// Server actions of the IP pools area: thin adapters over lib/services/ip-pools.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/auth/action";
import { createIpPool, createIpPoolSchema } from "@/lib/services/ip-pools/create-ip-pool";
import { deleteIpPool } from "@/lib/services/ip-pools/delete-ip-pool";
import { ipPoolBaseSchema } from "@/lib/services/ip-pools/ip-pool-fields";
import { updateIpPool } from "@/lib/services/ip-pools/update-ip-pool";
import { uuidField } from "@/lib/ids";

const idSchema = z.object({ id: uuidField("Unknown pool") });

export const createIpPoolAction = tenantAction({ schema: createIpPoolSchema, permission: "ip-pools:write", message: "Pool created" }, async (ctx, input) => {
  const pool = await createIpPool(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/ip-pools");
  return { id: pool.id };
});

// The base schema (not the range-completing one) so the service sees the blanks as the person left them.
export const updateIpPoolAction = tenantAction({ schema: ipPoolBaseSchema.extend(idSchema.shape), permission: "ip-pools:write", message: "Pool saved" }, async (ctx, input) => {
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
