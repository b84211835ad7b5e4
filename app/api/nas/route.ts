// GET /api/nas (list) and POST /api/nas (register a router).
import { apiRoute } from "@/lib/auth/api";
import { createRouter, createRouterSchema } from "@/lib/services/routers/create-router";
import { findRouters, findRoutersSchema } from "@/lib/services/routers/find-routers";

export const GET = apiRoute({ permission: "routers:read", search: findRoutersSchema }, ({ tx, tenantId, search }) => findRouters(tx, { ...search, tenantId }));

export const POST = apiRoute({ permission: "routers:write", status: 201, body: createRouterSchema }, ({ tx, tenantId, body, actor }) =>
  createRouter(tx, { ...body, tenantId }, actor),
);
