// GET /api/payments (method, status, purpose, customerId, from, to, search, sort, page) and POST /api/payments
// (record one; `amount` is in major units of the tenant currency and defaults to the package price).
import { apiRoute } from "@/lib/auth/api";
import { findPayments, findPaymentsSchema } from "@/lib/services/payments/find-payments";
import { recordPayment, recordPaymentSchema } from "@/lib/services/payments/record-payment";

export const GET = apiRoute({ permission: "payments:read", search: findPaymentsSchema }, ({ tx, tenantId, search, principal }) =>
  findPayments(tx, { ...search, timezone: principal.context.tenantTimezone, tenantId }),
);

export const POST = apiRoute({ permission: "payments:write", status: 201, body: recordPaymentSchema }, ({ tx, tenantId, body, actor }) =>
  recordPayment(tx, { ...body, tenantId }, actor),
);
