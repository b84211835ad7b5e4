// Imports customers from CSV, all or nothing: every row is validated first (the preview shows the same
// errors), then all rows go in with multi-row INSERTs in one transaction, passwords sealed (or generated).
import type { Database } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { postWalletTransaction } from "@/lib/services/wallet/post-wallet-transaction";
import { customerConstraintMessages, generateCustomerPassword } from "./customer-fields";
import { validateCustomerImport, type ImportRowError } from "./validate-customer-import";

export interface ImportCustomersResult {
  /** Data rows in the file. */
  total: number;
  valid: number;
  errors: ImportRowError[];
  /** The first rows as they would be created, for the preview. */
  preview: Array<{ row: number; type: string; name: string; username: string; phone: string | null; package: string | null; expiresAt: Date | null; status: string }>;
  imported: number;
  /** Usernames whose password was generated (the staff can reveal them later). */
  generatedPasswords: number;
}

const CHUNK = 1000;

export async function importCustomers(
  db: Database,
  input: { tenantId: string; csv: string; dryRun?: boolean },
  actor: Actor,
): Promise<ImportCustomersResult> {
  const v = await validateCustomerImport(db, input);
  const result: ImportCustomersResult = {
    total: v.total,
    valid: v.rows.length,
    errors: v.errors,
    preview: v.rows.slice(0, 20).map((r) => ({
      row: r.line,
      type: r.values.type,
      name: r.values.name,
      username: r.values.username,
      phone: r.values.phone ?? null,
      package: r.packageName,
      expiresAt: r.values.expiresAt ?? null,
      status: r.values.status ?? "ACTIVE",
    })),
    imported: 0,
    generatedPasswords: 0,
  };
  if (input.dryRun) return result;
  if (v.errors.length > 0 || v.total === 0) {
    throw new AppError("INVALID_INPUT", v.total === 0 ? "The file has no customers" : `${v.errors.length} problem(s) in the file; nothing was imported`, { rowErrors: v.errors.slice(0, 500) });
  }
  let generated = 0;
  const values = v.rows.map((r) => {
    const password = r.data.password ?? (generated++, generateCustomerPassword());
    return { ...r.values, passwordSealed: sealSecret("customer-password", password) };
  });
  const opening = new Map(v.rows.filter((r) => r.openingBalance > 0).map((r) => [r.values.username, r.openingBalance]));
  try {
    await db.transaction(async (tx) => {
      for (let i = 0; i < values.length; i += CHUNK) {
        const inserted = await tx.insert(customers).values(values.slice(i, i + CHUNK)).returning({ id: customers.id, username: customers.username });
        for (const c of inserted) {
          const amount = opening.get(c.username);
          if (amount) await postWalletTransaction(tx, { tenantId: input.tenantId, customerId: c.id, kind: "OPENING_BALANCE", amount, reason: "Opening balance (CSV import)", reference: "import" }, actor);
        }
      }
      await recordAudit(tx, { tenantId: input.tenantId, actor, action: "customer.import", targetType: "customer", after: { count: values.length, generatedPasswords: generated } });
    });
  } catch (e) {
    mapDbError(e, customerConstraintMessages);
  }
  return { ...result, imported: values.length, generatedPasswords: generated };
}
