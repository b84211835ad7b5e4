import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { customers, payments } from "@/lib/db/schema";
import { withTenant } from "@/lib/db/tenant";
import { makeCustomer, makePackage, makeTenant, testActor } from "@/lib/services/customers/test-fixtures";
import { recordPayment, recordPaymentSchema } from "./record-payment";
import { completePayment } from "./complete-payment";
import { failPayment, paymentReasonSchema } from "./fail-payment";
import { refundPayment } from "./refund-payment";
import { getPayment } from "./get-payment";
import { getPaymentReceipt } from "./get-payment-receipt";
import { findPayments, findPaymentsSchema } from "./find-payments";
import { searchPaymentCustomers, searchPaymentCustomersSchema } from "./search-payment-customers";
import { adjustWallet, adjustWalletSchema } from "@/lib/services/wallet/adjust-wallet";

let t: TestDatabase;
let a: string;
let b: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeTenant(t.db, "A");
  b = await makeTenant(t.db, "B");
});
afterAll(() => t.drop());

describe("recordPayment", () => {
  it("a completed cash renewal extends expiry by the package validity and activates the customer", async () => {
    const pkg = await makePackage(t.db, a, { price: 150_000, validityValue: 30, validityUnit: "DAYS" });
    const expiresAt = new Date(Date.now() + 2 * DAY);
    const c = await makeCustomer(t.db, a, { packageId: pkg.id, status: "EXPIRED", expiresAt });
    const p = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH" }), tenantId: a }, testActor);
    expect(p).toMatchObject({ amount: 150_000, currency: "KES", status: "COMPLETED", purpose: "RENEWAL", packageId: pkg.id, customerName: c.name });
    expect(p.receiptNumber).toBeGreaterThan(0);
    const [after] = await t.db.select().from(customers).where(eq(customers.id, c.id));
    expect(after.status).toBe("ACTIVE");
    expect(after.expiresAt!.getTime()).toBe(expiresAt.getTime() + 30 * DAY);
    expect(p.newExpiresAt!.getTime()).toBe(after.expiresAt!.getTime());

    const receipt = await getPaymentReceipt(t.db, { tenantId: a, id: p.id });
    expect(receipt.newExpiresAt!.getTime()).toBe(after.expiresAt!.getTime());
    expect(receipt.customer?.name).toBe(c.name);
    expect(receipt.tenant.name).toMatch(/^A /);
  });

  it("takes the amount in major units and validates every field", async () => {
    const pkg = await makePackage(t.db, a);
    const c = await makeCustomer(t.db, a, { packageId: pkg.id });
    const p = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", amount: "1,234.50", status: "PENDING" }), tenantId: a }, testActor);
    expect(p.amount).toBe(123_450);
    expect(p.receiptNumber).toBeNull();
    expect(recordPaymentSchema.safeParse({ customerId: "x", method: "BITCOIN", amount: "-3", purpose: "GIFT" }).error).toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["customerId"] }),
        expect.objectContaining({ path: ["method"] }),
        expect.objectContaining({ path: ["amount"] }),
        expect.objectContaining({ path: ["purpose"] }),
      ]),
    });
    expect(recordPaymentSchema.safeParse({ customerId: c.id, method: "MPESA" }).error).toMatchObject({
      issues: [expect.objectContaining({ path: ["reference"], message: "Enter the M-Pesa transaction code" })],
    });
  });

  it("refuses a duplicate reference with a CONFLICT naming the field, and writes nothing", async () => {
    const pkg = await makePackage(t.db, a);
    const c = await makeCustomer(t.db, a, { packageId: pkg.id, expiresAt: new Date(Date.now() + DAY) });
    await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "MPESA", reference: "QAB12CD34" }), tenantId: a }, testActor);
    const [before] = await t.db.select().from(customers).where(eq(customers.id, c.id));
    await expect(recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "MPESA", reference: "QAB12CD34" }), tenantId: a }, testActor)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { fieldErrors: { reference: ["A payment with this reference is already recorded"] } },
    });
    const [after] = await t.db.select().from(customers).where(eq(customers.id, c.id));
    expect(after.expiresAt).toEqual(before.expiresAt);
    // The same reference in another tenant is fine.
    const cb = await makeCustomer(t.db, b, { packageId: (await makePackage(t.db, b)).id });
    await expect(recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: cb.id, method: "MPESA", reference: "QAB12CD34" }), tenantId: b }, testActor)).resolves.toMatchObject({ status: "COMPLETED" });
  });

  it("another tenant's customer, package or payment is NOT_FOUND", async () => {
    const cb = await makeCustomer(t.db, b);
    const pb = await makePackage(t.db, b);
    const ca = await makeCustomer(t.db, a);
    await expect(recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: cb.id, method: "CASH", amount: 10 }), tenantId: a }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: ca.id, packageId: pb.id, method: "CASH" }), tenantId: a }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const pay = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: cb.id, packageId: pb.id, method: "CASH", status: "PENDING" }), tenantId: b }, testActor);
    await expect(getPayment(t.db, { tenantId: a, id: pay.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPaymentReceipt(t.db, { tenantId: a, id: pay.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completePayment(t.db, { tenantId: a, id: pay.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(failPayment(t.db, { ...paymentReasonSchema.parse({}), tenantId: a, id: pay.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(refundPayment(t.db, { ...paymentReasonSchema.parse({}), tenantId: a, id: pay.id }, testActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await searchPaymentCustomers(t.db, { ...searchPaymentCustomersSchema.parse({ q: cb.name }), tenantId: a })).map((x) => x.id)).not.toContain(cb.id);
  });
});

describe("wallet top-ups, status changes and refunds", () => {
  it("a top-up credits the wallet; its refund takes it back; a spent top-up cannot be refunded", async () => {
    const c = await makeCustomer(t.db, a, { walletBalance: 1_000 });
    const p = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, purpose: "WALLET_TOPUP", amount: 500, method: "CASH" }), tenantId: a }, testActor);
    expect(p.walletBalance).toBe(51_000);
    const r = await refundPayment(t.db, { ...paymentReasonSchema.parse({ reason: "paid twice" }), tenantId: a, id: p.id }, testActor);
    expect(r.status).toBe("REFUNDED");
    expect(r.walletBalance).toBe(1_000);
    await expect(refundPayment(t.db, { ...paymentReasonSchema.parse({}), tenantId: a, id: p.id }, testActor)).rejects.toMatchObject({ code: "CONFLICT" });

    const spent = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, purpose: "WALLET_TOPUP", amount: 100, method: "CASH" }), tenantId: a }, testActor);
    await adjustWallet(t.db, { ...adjustWalletSchema.parse({ customerId: c.id, direction: "DEBIT", amount: "100", reason: "spent at the counter" }), tenantId: a }, testActor);
    await expect(refundPayment(t.db, { ...paymentReasonSchema.parse({}), tenantId: a, id: spent.id }, testActor)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/spent/) });
    expect((await getPayment(t.db, { tenantId: a, id: spent.id })).status).toBe("COMPLETED");
  });

  it("a renewal refund only marks it refunded; pending payments complete (renewing) or fail", async () => {
    const pkg = await makePackage(t.db, a, { validityValue: 1, validityUnit: "MONTHS" });
    const c = await makeCustomer(t.db, a, { packageId: pkg.id, status: "SUSPENDED", expiresAt: new Date(Date.now() - DAY) });
    const pending = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "BANK_TRANSFER", reference: "BT-1", status: "PENDING" }), tenantId: a }, testActor);
    expect((await t.db.select().from(customers).where(eq(customers.id, c.id)))[0].status).toBe("SUSPENDED");
    const done = await completePayment(t.db, { tenantId: a, id: pending.id }, testActor);
    expect(done.status).toBe("COMPLETED");
    expect(done.receiptNumber).toBeGreaterThan(0);
    const [renewed] = await t.db.select().from(customers).where(eq(customers.id, c.id));
    expect(renewed.status).toBe("ACTIVE");
    expect(renewed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 27 * DAY);
    await expect(completePayment(t.db, { tenantId: a, id: pending.id }, testActor)).rejects.toMatchObject({ code: "CONFLICT" });

    const refunded = await refundPayment(t.db, { ...paymentReasonSchema.parse({}), tenantId: a, id: done.id }, testActor);
    expect(refunded.status).toBe("REFUNDED");
    expect((await t.db.select().from(customers).where(eq(customers.id, c.id)))[0].expiresAt).toEqual(renewed.expiresAt);

    const other = await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH", status: "PENDING" }), tenantId: a }, testActor);
    expect((await failPayment(t.db, { ...paymentReasonSchema.parse({ reason: "no cash" }), tenantId: a, id: other.id }, testActor)).status).toBe("FAILED");
  });
});

describe("receipt numbers", () => {
  it("are unique and consecutive under concurrent inserts, per tenant", async () => {
    const tenant = await makeTenant(t.db, "R");
    const pkg = await makePackage(t.db, tenant);
    const cs = await Promise.all(Array.from({ length: 20 }, () => makeCustomer(t.db, tenant, { packageId: pkg.id })));
    // 20 payments at once, each in its own tenant-scoped transaction, as 20 web requests would be.
    const results = await Promise.all(cs.map((c) => withTenant(t.db, tenant, (tx) => recordPayment(tx, { ...recordPaymentSchema.parse({ customerId: c.id, method: "CASH" }), tenantId: tenant }, testActor))));
    const numbers = results.map((r) => r.receiptNumber!).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const rows = await t.db.select({ n: payments.receiptNumber }).from(payments).where(eq(payments.tenantId, tenant));
    expect(new Set(rows.map((r) => r.n)).size).toBe(20);
  });
});

describe("findPayments", () => {
  it("filters by method, status and date, searches by reference, phone and customer", async () => {
    const tenant = await makeTenant(t.db, "F");
    const pkg = await makePackage(t.db, tenant, { price: 1_000 });
    const alice = await makeCustomer(t.db, tenant, { name: "Alice Wanjiru", phone: "0711000111", packageId: pkg.id });
    const bob = await makeCustomer(t.db, tenant, { name: "Bob Otieno", packageId: pkg.id });
    await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: alice.id, method: "MPESA", reference: "SFX123" }), tenantId: tenant }, testActor);
    await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: bob.id, method: "CASH" }), tenantId: tenant }, testActor);
    await recordPayment(t.db, { ...recordPaymentSchema.parse({ customerId: bob.id, method: "CASH", status: "PENDING" }), tenantId: tenant }, testActor);

    expect((await findPayments(t.db, { ...findPaymentsSchema.parse({}), tenantId: tenant })).total).toBe(3);
    expect((await findPayments(t.db, { ...findPaymentsSchema.parse({ method: "MPESA" }), tenantId: tenant })).rows.map((r) => r.reference)).toEqual(["SFX123"]);
    expect((await findPayments(t.db, { ...findPaymentsSchema.parse({ status: "PENDING" }), tenantId: tenant })).total).toBe(1);
    expect((await findPayments(t.db, { ...findPaymentsSchema.parse({ search: "sfx" }), tenantId: tenant })).total).toBe(1);
    expect((await findPayments(t.db, { ...findPaymentsSchema.parse({ search: "0711000" }), tenantId: tenant })).rows[0].customerName).toBe("Alice Wanjiru");
    expect((await findPayments(t.db, { ...findPaymentsSchema.parse({ search: "otieno" }), tenantId: tenant })).total).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    const all = await findPayments(t.db, { ...findPaymentsSchema.parse({ from: today, to: today }), tenantId: tenant, timezone: "UTC" });
    expect(all.total).toBe(3);
    expect(all.totals.completedAmount).toBe(2_000);
    expect((await findPayments(t.db, { ...findPaymentsSchema.parse({ from: "2001-01-01", to: "2001-01-02" }), tenantId: tenant })).total).toBe(0);
    expect((await findPayments(t.db, { ...findPaymentsSchema.parse({ search: "Alice Wanjiru" }), tenantId: a })).total).toBe(0);
    const sorted = await findPayments(t.db, { ...findPaymentsSchema.parse({ sort: "receiptNumber", dir: "asc" }), tenantId: tenant });
    expect(sorted.rows.map((r) => r.receiptNumber)).toEqual([1, 2, null]);
  });
});
