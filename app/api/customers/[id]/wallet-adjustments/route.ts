// GET /api/customers/:id/wallet-adjustments: the wallet's history (every change with the balance after).
// POST: { direction: "CREDIT" | "DEBIT", amount: "250.50", reason } posts an adjustment (audited).
import { apiRoute, readJson } from "@/lib/auth/api";
import { getCustomer } from "@/lib/services/customers/get-customer";
import { adjustWallet, adjustWalletSchema } from "@/lib/services/wallet/adjust-wallet";
import { findWalletTransactions } from "@/lib/services/wallet/find-wallet-transactions";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "customers:read" }, async ({ tx, tenantId, params }) => {
  const c = await getCustomer(tx, { tenantId, id: params.id });
  return findWalletTransactions(tx, { tenantId, customerId: c.id, limit: 500 });
});

export const POST = apiRoute<Params>({ permission: "payments:write", status: 201 }, async ({ tx, tenantId, params, req, actor }) => {
  const body = await readJson(req);
  const input = adjustWalletSchema.parse({ ...(body && typeof body === "object" ? body : {}), customerId: params.id });
  return adjustWallet(tx, { ...input, tenantId }, actor);
});
