// GET /api/customers (q, status, packageId, type, online=yes|no, expiring=soon, sort, dir, page, pageSize)
// and POST /api/customers (the generated password is returned once when none was given).
import { apiRoute } from "@/lib/auth/api";
import { createCustomer, createCustomerSchema } from "@/lib/services/customers/create-customer";
import { findCustomers, findCustomersSchema } from "@/lib/services/customers/find-customers";

export const GET = apiRoute({ permission: "customers:read", search: findCustomersSchema }, ({ tx, tenantId, search }) => findCustomers(tx, { ...search, tenantId }));

export const POST = apiRoute({ permission: "customers:write", status: 201, body: createCustomerSchema }, ({ tx, tenantId, body, actor }) =>
  createCustomer(tx, { ...body, tenantId }, actor),
);
