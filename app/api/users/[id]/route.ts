// GET / PATCH / DELETE /api/users/:id: one team member; DELETE deactivates (ends their sessions).
import { apiRoute } from "@/lib/auth/api";
import { getUser } from "@/lib/services/users/get-user";
import { updateUser, updateUserSchema } from "@/lib/services/users/update-user";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { zBool } from "@/lib/services/zod-helpers";

type P = { id: string };

/** The id is the URL's; the body may change the fields and the active flag in one request. */
const patchUserSchema = updateUserSchema.omit({ id: true }).extend({ active: zBool.optional() });

export const GET = apiRoute<P>({ permission: "users:read" }, ({ tx, tenantId, params }) => getUser(tx, { tenantId, id: params.id }));

export const PATCH = apiRoute<P, typeof patchUserSchema>({ permission: "users:write", body: patchUserSchema }, async ({ tx, tenantId, params, body, actor }) => {
  const { active, ...fields } = body;
  if (fields.name || fields.email || fields.role) await updateUser(tx, { ...fields, id: params.id, tenantId }, actor);
  if (active !== undefined) await setUserActive(tx, { id: params.id, active, tenantId }, actor);
  return getUser(tx, { tenantId, id: params.id });
});

export const DELETE = apiRoute<P>({ permission: "users:write" }, ({ tx, tenantId, params, actor }) => setUserActive(tx, { id: params.id, active: false, tenantId }, actor));
