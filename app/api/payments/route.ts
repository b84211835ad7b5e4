// GET /api/payments (method, status, purpose, customerId, from, to, search, sort, page) and POST /api/payments
// (record one; `amount` is in major units of the tenant currency and defaults to the package price).
import { apiRoute, readJson } from "@/lib/auth/api";
import { findPayments } from "@/lib/services/payments/find-payments";
import { recordPayment, type RecordPaymentInput } from "@/lib/services/payments/record-payment";

export const GET = apiRoute({ permission: "payments:read" }, ({ tx, tenantId, query, principal }) =>
  findPayments(tx, { ...Object.fromEntries(query), timezone: principal.context.tenantTimezone, tenantId }),
);

export const POST = apiRoute({ permission: "payments:write", status: 201 }, async ({ tx, tenantId, req, actor }) =>
  recordPayment(tx, { ...((await readJson(req)) as RecordPaymentInput), tenantId }, actor),
);
