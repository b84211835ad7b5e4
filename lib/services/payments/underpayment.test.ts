// A renewal paying less than the package price: staff see the shortfall and choose what it does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { auditLog, customers, payments, walletTransactions } from "@/lib/db/schema";
import { makeCustomer, makePackage, makeTenant, testActor } from "@/lib/services/customers/test-fixtures";
import { recordPayment, recordPaymentSchema } from "./record-payment";
import { completePayment } from "./complete-payment";
import { refundPayment } from "./refund-payment";
import { paymentReasonSchema } from "./fail-payment";

let t: TestDatabase;
let a: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "U");
});
afterAll(() => t.drop());

async function setup() {
  const pkg = await makePackage(t.db, a, { price: 150_000, validityValue: 30, validityUnit: "DAYS" });
  const expiresAt = new Date(Date.now() + 2 * DAY);
  const c = await makeCustomer(t.db, a, { packageId: pkg.id, expiresAt });
  return { pkg, c, expiresAt };
}
const customerRow = async (id: string) => (await t.db.select().from(customers).where(eq(customers.id, id)))[0];

describe("underpaid renewals", () => {
  it("1,000 on a 1,500 plan without a choice is refused, naming the shortfall, and writes nothing", async () => {
    const { c, expiresAt } = await setup();
    await expect(recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "1,000" }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { shortfall: 50_000, price: 150_000, fieldErrors: { shortfallAction: [expect.stringContaining("KES 1,000 is KES 500 short of")] } },
    });
    expect((await customerRow(c.id)).expiresAt).toEqual(expiresAt);
    expect(await t.db.select().from(payments).where(eq(payments.customerId, c.id))).toHaveLength(0);
  });

  it("the full price renews one period with no question; what is paid above it goes to the wallet", async () => {
    const { c, expiresAt } = await setup();
    const p = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "1,500" }), tenantId: a }, testActor);
    expect(p).toMatchObject({ shortfallAction: null, shortfall: 0 });
    expect((await customerRow(c.id)).expiresAt!.getTime()).toBe(expiresAt.getTime() + 30 * DAY);
    expect((await customerRow(c.id)).walletBalance).toBe(0);
    // 1,600 on a 1,500 plan used to renew and keep the 100 without a trace.
    const over = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "1,600" }), tenantId: a }, testActor);
    expect(over.walletBalance).toBe(10_000);
    expect((await customerRow(c.id)).expiresAt!.getTime()).toBe(expiresAt.getTime() + 60 * DAY);
    const [row] = await t.db.select().from(walletTransactions).where(eq(walletTransactions.paymentId, over.id));
    expect(row).toMatchObject({ kind: "TOPUP", amount: 10_000, reason: expect.stringMatching(/^Paid above the price of/) });
    // Its refund takes the 100 back out of the wallet (the service period stays).
    expect((await refundPayment(t.db, { ...paymentReasonSchema.parse({}), tenantId: a, id: over.id }, testActor)).walletBalance).toBe(0);
  });

  it("credit the wallet: no renewal, the money is in the wallet, and a refund takes it back out", async () => {
    const { c, expiresAt } = await setup();
    const p = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "1000", shortfallAction: "CREDIT_WALLET" }), tenantId: a }, testActor);
    expect(p).toMatchObject({ shortfallAction: "CREDIT_WALLET", shortfall: 50_000, walletBalance: 100_000, newExpiresAt: null });
    const after = await customerRow(c.id);
    expect(after.expiresAt).toEqual(expiresAt);
    expect(after.walletBalance).toBe(100_000);
    const [row] = await t.db.select().from(walletTransactions).where(eq(walletTransactions.customerId, c.id));
    expect(row).toMatchObject({ kind: "SHORTFALL_CREDIT", amount: 100_000, balanceAfter: 100_000, paymentId: p.id, reference: `Receipt #${p.receiptNumber}` });
    const r = await refundPayment(t.db, { ...paymentReasonSchema.parse({}), tenantId: a, id: p.id }, testActor);
    expect(r.walletBalance).toBe(0);
    expect((await customerRow(c.id)).walletBalance).toBe(0);
  });

  it("pro rata: 1,000 of 1,500 renews two thirds of the 30-day period", async () => {
    const { c, expiresAt } = await setup();
    const p = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "1000", shortfallAction: "PRO_RATA" }), tenantId: a }, testActor);
    const after = await customerRow(c.id);
    expect(after.expiresAt!.getTime()).toBe(expiresAt.getTime() + 20 * DAY);
    expect(p.newExpiresAt).toEqual(after.expiresAt);
    expect(after.walletBalance).toBe(0);
  });

  it("renew in full anyway: a whole period, audited as an override with the shortfall", async () => {
    const { c, expiresAt } = await setup();
    const p = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "1000", shortfallAction: "FULL_OVERRIDE" }), tenantId: a }, testActor);
    expect((await customerRow(c.id)).expiresAt!.getTime()).toBe(expiresAt.getTime() + 30 * DAY);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, p.id), eq(auditLog.action, "payment.shortfall.override")));
    expect(audit.after).toMatchObject({ shortfall: 50_000, price: 150_000, amount: 100_000 });
  });

  it("a pending underpayment asks for the choice when recorded and applies it when completed", async () => {
    const { c, expiresAt } = await setup();
    await expect(recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "750", status: "PENDING" }), tenantId: a }, testActor)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const pending = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "750", status: "PENDING", shortfallAction: "PRO_RATA" }), tenantId: a }, testActor);
    expect((await customerRow(c.id)).expiresAt).toEqual(expiresAt);
    await completePayment(t.db, { tenantId: a, id: pending.id }, testActor);
    expect((await customerRow(c.id)).expiresAt!.getTime()).toBe(expiresAt.getTime() + 15 * DAY);
  });
});
