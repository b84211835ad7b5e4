// GET/PUT/DELETE /api/nas/:id; the shared secret is revealed only by GET ?include=secret (audited).
import { apiRoute } from "@/lib/auth/api";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { deleteRouter } from "@/lib/services/routers/delete-router";
import { getRouter } from "@/lib/services/routers/get-router";
import { getRouterSecret } from "@/lib/services/routers/get-router-secret";
import { updateRouter, updateRouterSchema } from "@/lib/services/routers/update-router";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "routers:read" }, async ({ tx, tenantId, params, query, principal, actor }) => {
  const router = await getRouter(tx, { tenantId, id: params.id });
  if (query.get("include") !== "secret") return router;
  if (!can(principal.context.role, "routers:write")) throw new AppError("FORBIDDEN", "Only staff who manage routers can see their secrets");
  return { ...router, ...(await getRouterSecret(tx, { tenantId, id: params.id }, actor)) };
});

export const PUT = apiRoute<Params, typeof updateRouterSchema>({ permission: "routers:write", body: updateRouterSchema }, ({ tx, tenantId, params, body, actor }) =>
  updateRouter(tx, { ...body, tenantId, id: params.id }, actor),
);

export const DELETE = apiRoute<Params>({ permission: "routers:write" }, ({ tx, tenantId, params, actor }) =>
  deleteRouter(tx, { tenantId, id: params.id }, actor),
);
