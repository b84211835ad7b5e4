// GET /api/nas (list) and POST /api/nas (register a router).
import { apiRoute, readJson } from "@/lib/auth/api";
import { createNas, createNasSchema } from "@/lib/services/nas/create-nas";
import { findNas, findNasSchema } from "@/lib/services/nas/find-nas";

export const GET = apiRoute({ permission: "nas:read" }, ({ tx, tenantId, query }) =>
  findNas(tx, { ...findNasSchema.parse(Object.fromEntries(query)), tenantId }),
);

export const POST = apiRoute({ permission: "nas:write", status: 201 }, async ({ tx, tenantId, req, actor }) =>
  createNas(tx, { ...createNasSchema.parse(await readJson(req)), tenantId }, actor),
);
