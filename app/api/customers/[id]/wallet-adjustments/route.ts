// GET /api/customers/:id/wallet-adjustments: the wallet's history (every change with the balance after).
// POST: { direction: "CREDIT" | "DEBIT", amount: "250.50", reason } posts an adjustment (audited).
import { apiRoute } from "@/lib/auth/api";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { getCustomer } from "@/lib/services/customers/get-customer";
import { adjustWallet, adjustWalletSchema } from "@/lib/services/wallet/adjust-wallet";
import { findWalletTransactions } from "@/lib/services/wallet/find-wallet-transactions";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "customers:read" }, async ({ tx, tenantId, params }) => {
  const c = await getCustomer(tx, { tenantId, id: params.id });
  return findWalletTransactions(tx, { tenantId, customerId: c.id, limit: 500 });
});

// The customer comes from the path (a malformed or unknown id is NOT_FOUND), the rest from the body.
const adjustmentBodySchema = adjustWalletSchema.omit({ customerId: true });

export const POST = apiRoute<Params, typeof adjustmentBodySchema>({ permission: "payments:write", status: 201, body: adjustmentBodySchema }, ({ tx, tenantId, params, body, actor }) => {
  if (!isUuid(params.id)) throw notFound("Customer");
  return adjustWallet(tx, { ...body, customerId: params.id, tenantId }, actor);
});
