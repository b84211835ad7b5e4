// GET /api/customers (q, status, packageId, type, online=yes|no, expiring=soon, sort, dir, page, pageSize)
// and POST /api/customers (the generated password is returned once when none was given).
import { apiRoute, readJson } from "@/lib/auth/api";
import { createCustomer } from "@/lib/services/customers/create-customer";
import { findCustomers, findCustomersSchema } from "@/lib/services/customers/find-customers";

export const GET = apiRoute({ permission: "customers:read" }, ({ tx, tenantId, query }) =>
  findCustomers(tx, { ...findCustomersSchema.parse(Object.fromEntries(query)), tenantId }),
);

export const POST = apiRoute({ permission: "customers:write", status: 201 }, async ({ tx, tenantId, req, actor }) => {
  const body = await readJson(req);
  return createCustomer(tx, { ...(body && typeof body === "object" ? body : {}), tenantId }, actor);
});
