// GET /api/nas (list) and POST /api/nas (register a router).
import { apiRoute, readJson } from "@/lib/auth/api";
import { createRouter, createRouterSchema } from "@/lib/services/routers/create-router";
import { findRouters, findRoutersSchema } from "@/lib/services/routers/find-routers";

export const GET = apiRoute({ permission: "routers:read" }, ({ tx, tenantId, query }) =>
  findRouters(tx, { ...findRoutersSchema.parse(Object.fromEntries(query)), tenantId }),
);

export const POST = apiRoute({ permission: "routers:write", status: 201 }, async ({ tx, tenantId, req, actor }) =>
  createRouter(tx, { ...createRouterSchema.parse(await readJson(req)), tenantId }, actor),
);
