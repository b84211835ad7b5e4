// GET /api/packages (list: q, type, state=active|retired|all, sort, dir, page, pageSize) and POST /api/packages.
import { apiRoute } from "@/lib/auth/api";
import { createPackage, createPackageSchema } from "@/lib/services/packages/create-package";
import { findPackages, findPackagesSchema } from "@/lib/services/packages/find-packages";

export const GET = apiRoute({ permission: "packages:read", search: findPackagesSchema }, ({ tx, tenantId, search }) => findPackages(tx, { ...search, tenantId }));

export const POST = apiRoute({ permission: "packages:write", status: 201, body: createPackageSchema }, ({ tx, tenantId, body, actor }) =>
  createPackage(tx, { ...body, tenantId }, actor),
);
