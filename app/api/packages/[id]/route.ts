// GET/PUT/DELETE /api/packages/:id. PUT takes any subset of the fields; DELETE refuses a package in use (409).
import { apiRoute } from "@/lib/auth/api";
import { deletePackage } from "@/lib/services/packages/delete-package";
import { getPackage } from "@/lib/services/packages/get-package";
import { updatePackage, updatePackageSchema } from "@/lib/services/packages/update-package";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "packages:read" }, ({ tx, tenantId, params }) => getPackage(tx, { tenantId, id: params.id }));

export const PUT = apiRoute<Params, typeof updatePackageSchema>({ permission: "packages:write", body: updatePackageSchema }, ({ tx, tenantId, params, body, actor }) =>
  updatePackage(tx, { ...body, tenantId, id: params.id }, actor),
);

export const DELETE = apiRoute<Params>({ permission: "packages:write" }, ({ tx, tenantId, params, actor }) => deletePackage(tx, { tenantId, id: params.id }, actor));
