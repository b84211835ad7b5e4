// POST /api/packages/:id/retire { retired: true|false }: stop (or resume) offering a package.
import { z } from "zod";
import { apiRoute } from "@/lib/auth/api";
import { retirePackage, retirePackageSchema } from "@/lib/services/packages/retire-package";

// An empty body retires: { retired } is only needed to offer the package again.
const retireBodySchema = z.preprocess((v) => ({ retired: true, ...(v as object) }), retirePackageSchema);

export const POST = apiRoute<{ id: string }, typeof retireBodySchema>({ permission: "packages:write", body: retireBodySchema }, ({ tx, tenantId, params, body, actor }) =>
  retirePackage(tx, { ...body, tenantId, id: params.id }, actor),
);
