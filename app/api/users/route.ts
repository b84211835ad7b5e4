// GET /api/users: the tenant's team. POST /api/users: add a member (initial password, or a reset link).
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/auth/api";
import { findUsers, findUsersSchema } from "@/lib/services/users/find-users";
import { createUser, createUserSchema } from "@/lib/services/users/create-user";

export const GET = apiRoute({ permission: "users:read", search: findUsersSchema }, ({ tx, tenantId, search }) => findUsers(tx, { ...search, tenantId }));

export const POST = apiRoute({ permission: "users:write", status: 201, body: createUserSchema }, async ({ tx, tenantId, body, actor }) => {
  const result = await createUser(tx, { ...body, tenantId, appUrl: env().APP_URL }, actor);
  return result.user;
});
