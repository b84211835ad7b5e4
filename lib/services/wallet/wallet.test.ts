// The wallet changes only through wallet transactions, so every balance is explained by its history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, customers, walletTransactions } from "@/lib/db/schema";
import { withTenant } from "@/lib/db/tenant";
import { makeCustomer, makePackage, makeTenant, testActor } from "@/lib/services/customers/test-fixtures";
import { expireCustomers } from "@/lib/services/customers/expire-customers";
import { recordPayment, recordPaymentSchema } from "@/lib/services/payments/record-payment";
import { refundPayment } from "@/lib/services/payments/refund-payment";
import { paymentReasonSchema } from "@/lib/services/payments/fail-payment";
import { adjustWallet, adjustWalletSchema } from "./adjust-wallet";
import { findWalletTransactions } from "./find-wallet-transactions";

let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "W");
  b = await makeTenant(t.db, "X");
});
afterAll(() => t.drop());

describe("wallet transactions", () => {
  it("top-ups, adjustments, refunds and auto-renewals each leave a row; the history adds up to the balance", async () => {
    const pkg = await makePackage(t.db, a, { price: 50_000 });
    const c = await makeCustomer(t.db, a, { packageId: pkg.id, expiresAt: new Date(Date.now() + 86_400_000) });
    const topup = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, purpose: "WALLET_TOPUP", amount: "1,000", method: "CASH" }), tenantId: a }, testActor);
    await adjustWallet(t.db, { ...adjustWalletSchema.parse({ customerId: c.id, direction: "CREDIT", amount: "250.50", reason: "Outage compensation" }), tenantId: a }, testActor);
    await adjustWallet(t.db, { ...adjustWalletSchema.parse({ customerId: c.id, direction: "DEBIT", amount: "50", reason: "Cash given back" }), tenantId: a }, testActor);
    const second = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, purpose: "WALLET_TOPUP", amount: "100", method: "CASH" }), tenantId: a }, testActor);
    await refundPayment(t.db, { ...paymentReasonSchema.parse({}), tenantId: a, id: second.id }, testActor);
    await t.db.update(customers).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(customers.id, c.id));
    expect((await expireCustomers(t.db, { tenantId: a })).renewed).toBe(1);

    const history = await findWalletTransactions(t.db, { tenantId: a, customerId: c.id });
    expect(history.map((h) => [h.kind, h.amount, h.balanceAfter])).toEqual([
      ["RENEWAL", -50_000, 70_050],
      ["TOPUP_REFUND", -10_000, 120_050],
      ["TOPUP", 10_000, 130_050],
      ["ADJUSTMENT", -5_000, 120_050],
      ["ADJUSTMENT", 25_050, 125_050],
      ["TOPUP", 100_000, 100_000],
    ]);
    expect(history.at(-1)).toMatchObject({ paymentId: topup.id, reference: `Receipt #${topup.receiptNumber}`, currency: "KES", actorLabel: "test" });
    expect(history[3].reason).toBe("Cash given back");
    const [row] = await t.db.select({ balance: customers.walletBalance }).from(customers).where(eq(customers.id, c.id));
    expect(row.balance).toBe(70_050);
    expect(history.reduce((sum, h) => sum + h.amount, 0)).toBe(row.balance);
  });

  it("an adjustment needs a reason and an amount, cannot overdraw, and is audited", async () => {
    const c = await makeCustomer(t.db, a);
    expect(adjustWalletSchema.safeParse({ customerId: c.id, direction: "CREDIT", amount: "", reason: "" }).error).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["amount"] }), expect.objectContaining({ path: ["reason"], message: "Give the reason for the adjustment" })]),
    });
    await expect(adjustWallet(t.db, { ...adjustWalletSchema.parse({ customerId: c.id, direction: "CREDIT", amount: "1.234", reason: "typo" }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { amount: ["Amount may have at most 2 decimals"] } },
    });
    await expect(adjustWallet(t.db, { ...adjustWalletSchema.parse({ customerId: c.id, direction: "DEBIT", amount: "10", reason: "take back" }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { amount: ["The wallet holds only KES 0"] } },
    });
    const tx = await adjustWallet(t.db, { ...adjustWalletSchema.parse({ customerId: c.id, direction: "CREDIT", amount: "20", reason: "Goodwill" }), tenantId: a }, testActor);
    expect(tx).toMatchObject({ amount: 2_000, balanceAfter: 2_000, kind: "ADJUSTMENT" });
    const [audit] = await t.db.select().from(auditLog).where(sql`${auditLog.targetId} = ${c.id} and ${auditLog.action} = 'customer.wallet.adjust'`);
    expect(audit.after).toMatchObject({ walletBalance: 2_000, amount: 2_000, reason: "Goodwill" });
    expect(await t.db.select().from(walletTransactions).where(eq(walletTransactions.customerId, c.id))).toHaveLength(1);
  });

  it("another tenant's customer is NOT_FOUND, and row-level security hides other tenants' history", async () => {
    const cb = await makeCustomer(t.db, b);
    await expect(adjustWallet(t.db, { ...adjustWalletSchema.parse({ customerId: cb.id, direction: "CREDIT", amount: "5", reason: "nope" }), tenantId: a }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await adjustWallet(t.db, { ...adjustWalletSchema.parse({ customerId: cb.id, direction: "CREDIT", amount: "5", reason: "theirs" }), tenantId: b }, testActor);
    const seenByA = await withTenant(t.db, a, (tx) => tx.select().from(walletTransactions));
    expect(seenByA.length).toBeGreaterThan(0);
    expect(seenByA.every((r) => r.tenantId === a)).toBe(true);
    expect(await findWalletTransactions(t.db, { tenantId: a, customerId: cb.id })).toHaveLength(0);
  });
});
