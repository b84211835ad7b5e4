"use server";
// Server actions of the customers area: thin adapters over lib/services/customers (and payments for renewals).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { sessionCommandsOutcome } from "@/lib/services/sessions/session-commands-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";
import { changeCustomersPackage, changeCustomersPackageSchema } from "@/lib/services/customers/change-customers-package";
import { createCustomer, createCustomerSchema } from "@/lib/services/customers/create-customer";
import { deleteCustomer } from "@/lib/services/customers/delete-customer";
import { extendCustomers, extendCustomersSchema } from "@/lib/services/customers/extend-customers";
import { getCustomerPassword } from "@/lib/services/customers/get-customer-password";
import { resetCustomerMac } from "@/lib/services/customers/reset-customer-mac";
import { setCustomersStatus, setCustomersStatusSchema } from "@/lib/services/customers/set-customers-status";
import { updateCustomer, updateCustomerSchema } from "@/lib/services/customers/update-customer";
import { recordPayment, recordPaymentFieldsSchema } from "@/lib/services/payments/record-payment";
import { adjustWallet, adjustWalletSchema } from "@/lib/services/wallet/adjust-wallet";
import { uuidField } from "@/lib/ids";

const idSchema = z.object({ id: uuidField("Unknown customer") });

function refresh(id?: string) {
  revalidatePath("/customers");
  if (id) revalidatePath(`/customers/${id}`);
}

export const createCustomerAction = tenantAction({ schema: createCustomerSchema, permission: "customers:write", message: "Customer created" }, async (ctx, input) => {
  const c = await createCustomer(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  refresh();
  return { id: c.id, username: c.username, generatedPassword: c.generatedPassword ?? null };
});

export const updateCustomerAction = tenantAction({ schema: updateCustomerSchema.extend(idSchema.shape), permission: "customers:write", message: "Customer saved" }, async (ctx, input) => {
  const c = await updateCustomer(ctx.tx, { ...input, tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  refresh(c.id);
  return { id: c.id, username: c.username, generatedPassword: null as string | null };
});

export const deleteCustomerAction = tenantAction({ schema: idSchema, permission: "customers:write", message: "Customer deleted" }, async (ctx, input) => {
  const r = await deleteCustomer(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  refresh();
  return r;
});

export const revealPasswordAction = tenantAction({ schema: idSchema, permission: "customers:secrets" }, (ctx, input) =>
  getCustomerPassword(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor),
);

// The payment's own field rules, for a cash renewal of this customer.
const renewSchema = recordPaymentFieldsSchema.pick({ packageId: true, amount: true, reference: true, notes: true, shortfallAction: true }).extend(idSchema.shape);

/** Renewal with a cash payment: the payment service records it (receipt) and renews the customer. */
export const renewCustomerAction = tenantAction({ schema: renewSchema, permission: "customers:write" }, async (ctx, input) => {
  const p = await recordPayment(
    ctx.tx,
    { tenantId: ctx.tenantId, customerId: input.id, packageId: input.packageId, amount: input.amount, method: "CASH", status: "COMPLETED", purpose: "RENEWAL", reference: input.reference, notes: input.notes, shortfallAction: input.shortfallAction },
    ctx.actor,
  );
  refresh(input.id);
  return { paymentId: p.id, receiptNumber: p.receiptNumber };
});

export const suspendCustomerAction = tenantAction({ schema: idSchema, permission: "customers:write", message: "Customer suspended and disconnected" }, async (ctx, input) => {
  const r = await setCustomersStatus(ctx.tx, { tenantId: ctx.tenantId, ids: [input.id], status: "SUSPENDED" }, ctx.actor);
  refresh(input.id);
  return r;
});

export const resumeCustomerAction = tenantAction({ schema: idSchema, permission: "customers:write", message: "Customer resumed" }, async (ctx, input) => {
  const r = await setCustomersStatus(ctx.tx, { tenantId: ctx.tenantId, ids: [input.id], status: "ACTIVE" }, ctx.actor);
  refresh(input.id);
  return r;
});

/** The same service, audit action and answer as REST's close-customer: the routers' outcome after the commit. */
export const disconnectCustomerAction = tenantAction({ schema: idSchema, permission: "sessions:control" }, async (ctx, input) => {
  const request = await requestSessionsDisconnect(ctx.tx, { tenantId: ctx.tenantId, scope: { customerId: input.id } }, ctx.actor);
  return afterCommit(async () => {
    const outcome = await disconnectOutcome(getDb(), request);
    refresh(input.id);
    return outcome;
  });
});

export const changePackageAction = tenantAction(
  { schema: z.object({ id: uuidField(), packageId: uuidField("Choose a package") }), permission: "customers:write", message: "Package changed" },
  async (ctx, input) => {
    const { rateJobs, ...r } = await changeCustomersPackage(ctx.tx, { tenantId: ctx.tenantId, ids: [input.id], packageId: input.packageId }, ctx.actor);
    // Like a disconnect: the live speed change's outcome from the routers, after the commit.
    return afterCommit(async () => {
      const outcome = await sessionCommandsOutcome(getDb(), rateJobs);
      refresh(input.id);
      return { ...r, outcome };
    });
  },
);

export const resetMacAction = tenantAction({ schema: idSchema, permission: "customers:write", message: "MAC binding cleared" }, async (ctx, input) => {
  const r = await resetCustomerMac(ctx.tx, { tenantId: ctx.tenantId, id: input.id }, ctx.actor);
  refresh(input.id);
  return r;
});

// Bulk actions: the client sends the selection in chunks (≤ 200 ids) and shows progress between calls.
export const bulkStatusAction = tenantAction({ schema: setCustomersStatusSchema, permission: "customers:write" }, (ctx, input) =>
  setCustomersStatus(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor),
);

export const bulkExtendAction = tenantAction({ schema: extendCustomersSchema, permission: "customers:write" }, (ctx, input) =>
  extendCustomers(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor),
);

export const bulkChangePackageAction = tenantAction({ schema: changeCustomersPackageSchema, permission: "customers:write" }, async (ctx, input) => {
  const { rateJobs, ...r } = await changeCustomersPackage(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  return afterCommit(async () => ({ ...r, outcome: await sessionCommandsOutcome(getDb(), rateJobs) }));
});

/** A wallet adjustment with its reason: the only way staff change a wallet by hand (audited). */
export const adjustWalletAction = tenantAction({ schema: adjustWalletSchema, permission: "payments:write", message: "Wallet adjusted" }, async (ctx, input) => {
  const tx = await adjustWallet(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  refresh(input.customerId);
  return { balanceAfter: tx.balanceAfter };
});
