// GET/PUT/DELETE /api/nas/:id; the shared secret is revealed only by GET ?include=secret (audited).
import { apiRoute, readJson } from "@/lib/auth/api";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { deleteNas } from "@/lib/services/nas/delete-nas";
import { getNas } from "@/lib/services/nas/get-nas";
import { getNasSecret } from "@/lib/services/nas/get-nas-secret";
import { updateNas, updateNasSchema } from "@/lib/services/nas/update-nas";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "nas:read" }, async ({ tx, tenantId, params, query, principal, actor }) => {
  const router = await getNas(tx, { tenantId, id: params.id });
  if (query.get("include") !== "secret") return router;
  if (!can(principal.context.role, "nas:write")) throw new AppError("FORBIDDEN", "Only staff who manage routers can see their secrets");
  return { ...router, ...(await getNasSecret(tx, { tenantId, id: params.id }, actor)) };
});

export const PUT = apiRoute<Params>({ permission: "nas:write" }, async ({ tx, tenantId, params, req, actor }) =>
  updateNas(tx, { ...updateNasSchema.parse(await readJson(req)), tenantId, id: params.id }, actor),
);

export const DELETE = apiRoute<Params>({ permission: "nas:write" }, ({ tx, tenantId, params, actor }) =>
  deleteNas(tx, { tenantId, id: params.id }, actor),
);
