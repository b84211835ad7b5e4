// GET/PUT/DELETE /api/customers/:id. PUT takes any subset of the fields; a blank password keeps the current one.
import { apiRoute } from "@/lib/auth/api";
import { deleteCustomer } from "@/lib/services/customers/delete-customer";
import { getCustomer } from "@/lib/services/customers/get-customer";
import { updateCustomer, updateCustomerSchema } from "@/lib/services/customers/update-customer";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "customers:read" }, ({ tx, tenantId, params }) => getCustomer(tx, { tenantId, id: params.id }));

export const PUT = apiRoute<Params, typeof updateCustomerSchema>({ permission: "customers:write", body: updateCustomerSchema }, ({ tx, tenantId, params, body, actor }) =>
  updateCustomer(tx, { ...body, tenantId, id: params.id }, actor),
);

export const DELETE = apiRoute<Params>({ permission: "customers:write" }, ({ tx, tenantId, params, actor }) => deleteCustomer(tx, { tenantId, id: params.id }, actor));
