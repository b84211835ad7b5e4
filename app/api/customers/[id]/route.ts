// GET/PUT/DELETE /api/customers/:id. PUT takes any subset of the fields; a blank password keeps the current one.
import { apiRoute, readJson } from "@/lib/auth/api";
import { deleteCustomer } from "@/lib/services/customers/delete-customer";
import { getCustomer } from "@/lib/services/customers/get-customer";
import { updateCustomer } from "@/lib/services/customers/update-customer";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "customers:read" }, ({ tx, tenantId, params }) => getCustomer(tx, { tenantId, id: params.id }));

export const PUT = apiRoute<Params>({ permission: "customers:write" }, async ({ tx, tenantId, params, req, actor }) => {
  const body = await readJson(req);
  return updateCustomer(tx, { ...(body && typeof body === "object" ? body : {}), tenantId, id: params.id }, actor);
});

export const DELETE = apiRoute<Params>({ permission: "customers:write" }, ({ tx, tenantId, params, actor }) => deleteCustomer(tx, { tenantId, id: params.id }, actor));
