// GET / PATCH / DELETE /api/users/:id: one team member; DELETE deactivates (ends their sessions).
import { apiRoute, readJson } from "@/lib/auth/api";
import { getUser } from "@/lib/services/users/get-user";
import { updateUser, updateUserSchema } from "@/lib/services/users/update-user";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { zBool } from "@/lib/services/zod-helpers";

type P = { id: string };

export const GET = apiRoute<P>({ permission: "users:read" }, ({ tx, tenantId, params }) => getUser(tx, { tenantId, id: params.id }));

export const PATCH = apiRoute<P>({ permission: "users:write" }, async ({ tx, tenantId, params, req, actor }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  const fields = updateUserSchema.omit({ id: true }).parse(body);
  if (fields.name || fields.email || fields.role) await updateUser(tx, { ...fields, id: params.id, tenantId }, actor);
  if (body.active !== undefined) await setUserActive(tx, { id: params.id, active: zBool.parse(body.active), tenantId }, actor);
  return getUser(tx, { tenantId, id: params.id });
});

export const DELETE = apiRoute<P>({ permission: "users:write" }, ({ tx, tenantId, params, actor }) => setUserActive(tx, { id: params.id, active: false, tenantId }, actor));
