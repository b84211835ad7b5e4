// POST /api/packages/:id/retire { retired: true|false }: stop (or resume) offering a package.
import { apiRoute, readJson } from "@/lib/auth/api";
import { retirePackage, retirePackageSchema } from "@/lib/services/packages/retire-package";

export const POST = apiRoute<{ id: string }>({ permission: "packages:write" }, async ({ tx, tenantId, params, req, actor }) =>
  retirePackage(tx, { ...retirePackageSchema.parse({ retired: true, ...((await readJson(req)) as object) }), tenantId, id: params.id }, actor),
);
