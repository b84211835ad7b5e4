"use server";
// Server actions of the packages area: thin adapters over lib/services/packages.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/auth/action";
import { createPackage, createPackageSchema } from "@/lib/services/packages/create-package";
import { deletePackage } from "@/lib/services/packages/delete-package";
import { retirePackage, retirePackageSchema } from "@/lib/services/packages/retire-package";
import { updatePackage, updatePackageSchema } from "@/lib/services/packages/update-package";
import { uuidField } from "@/lib/ids";

const idSchema = z.object({ id: uuidField("Unknown package") });

export const createPackageAction = tenantAction({ schema: createPackageSchema, permission: "packages:write", message: "Package created" }, async (ctx, input) => {
  const created = await createPackage(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/packages");
  return { id: created.id };
});

export const updatePackageAction = tenantAction({ schema: updatePackageSchema.extend(idSchema.shape), permission: "packages:write", message: "Package saved" }, async (ctx, input) => {
  const updated = await updatePackage(ctx.tx, { ...input, tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  revalidatePath("/packages");
  return { id: updated.id };
});

export const deletePackageAction = tenantAction({ schema: idSchema, permission: "packages:write", message: "Package deleted" }, async (ctx, input) => {
  const r = await deletePackage(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  revalidatePath("/packages");
  return r;
});

export const retirePackageAction = tenantAction(
  { schema: retirePackageSchema.extend(idSchema.shape), permission: "packages:write", message: (p: { retired: boolean }) => (p.retired ? "Package retired" : "Package offered again") },
  async (ctx, input) => {
    const p = await retirePackage(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
    revalidatePath("/packages");
    return { id: p.id, retired: p.retiredAt !== null };
  },
);
