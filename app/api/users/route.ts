// GET /api/users: the tenant's team. POST /api/users: add a member (initial password, or a reset link).
import { env } from "@/lib/env";
import { apiRoute, readJson } from "@/lib/auth/api";
import { findUsers } from "@/lib/services/users/find-users";
import { createUser, createUserSchema } from "@/lib/services/users/create-user";

export const GET = apiRoute({ permission: "users:read" }, ({ tx, tenantId, query }) => findUsers(tx, { ...Object.fromEntries(query), tenantId }));

export const POST = apiRoute({ permission: "users:write", status: 201 }, async ({ tx, tenantId, req, actor }) => {
  const body = createUserSchema.parse(await readJson(req));
  const result = await createUser(tx, { ...body, tenantId, appUrl: env().APP_URL }, actor);
  return result.user;
});
