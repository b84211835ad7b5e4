// The migration that moved stored amounts to each currency's ISO 4217 exponent (they were all hundredths)
// and gave existing wallet balances an opening history row, run again here on rows written the old way.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { customers, packages, tenants, walletTransactions } from "@/lib/db/schema";
import { makeCustomer, makePackage } from "@/lib/services/customers/test-fixtures";
import { currencyExponent } from "./money";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

// Found by name: migration numbers change when branches merge.
const file = fs.readdirSync(path.join(process.cwd(), "drizzle")).find((f) => f.endsWith("_wallet_rls_and_currency_exponents.sql"))!;
const statements = fs
  .readFileSync(path.join(process.cwd(), "drizzle", file), "utf8")
  .split("--> statement-breakpoint")
  .map((s) => s.trim());

describe("rescaling stored amounts to the currency exponent", () => {
  it("divides zero-decimal currencies by 100, multiplies three-decimal ones by 10, leaves KES alone, and opens wallet histories", async () => {
    const ids: Record<string, string> = {};
    for (const cur of ["UGX", "KWD", "KES"]) {
      const [row] = await t.db.insert(tenants).values({ name: cur, slug: `rescale-${cur.toLowerCase()}-${Date.now()}`, currency: cur }).returning();
      ids[cur] = row.id;
      // 1,500 major units as the old code stored them: ×100 whatever the currency.
      const pkg = await makePackage(t.db, row.id, { price: 150_000 });
      await makeCustomer(t.db, row.id, { packageId: pkg.id, walletBalance: 25_000 });
    }
    for (const s of statements.slice(1)) await t.db.execute(sql.raw(s));
    const priceOf = async (cur: string) => (await t.db.select({ p: packages.price }).from(packages).where(eq(packages.tenantId, ids[cur])))[0].p;
    expect(await priceOf("UGX")).toBe(1_500 * 10 ** currencyExponent("UGX"));
    expect(await priceOf("KWD")).toBe(1_500 * 10 ** currencyExponent("KWD"));
    expect(await priceOf("KES")).toBe(150_000);
    const [ugx] = await t.db.select().from(customers).where(eq(customers.tenantId, ids.UGX));
    expect(ugx.walletBalance).toBe(250);
    const [opening] = await t.db.select().from(walletTransactions).where(eq(walletTransactions.customerId, ugx.id));
    expect(opening).toMatchObject({ kind: "OPENING_BALANCE", amount: 250, balanceAfter: 250, currency: "UGX" });
  });
});
