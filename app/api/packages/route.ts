// GET /api/packages (list: q, type, state=active|retired|all, sort, dir, page, pageSize) and POST /api/packages.
import { apiRoute, readJson } from "@/lib/auth/api";
import { createPackage } from "@/lib/services/packages/create-package";
import { findPackages, findPackagesSchema } from "@/lib/services/packages/find-packages";

export const GET = apiRoute({ permission: "packages:read" }, ({ tx, tenantId, query }) =>
  findPackages(tx, { ...findPackagesSchema.parse(Object.fromEntries(query)), tenantId }),
);

export const POST = apiRoute({ permission: "packages:write", status: 201 }, async ({ tx, tenantId, req, actor }) =>
  createPackage(tx, { ...bodyObject(await readJson(req)), tenantId }, actor),
);

function bodyObject(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
