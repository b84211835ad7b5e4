// Deletes a package nobody uses. One that customers or vouchers still refer to is refused with a
// CONFLICT that says how many, so staff retire it instead.
import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, packages, vouchers } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { toPackageView } from "./package-fields";
import { isUuid } from "@/lib/ids";

export async function deletePackage(db: Database, input: { tenantId: string; id: string }, actor: Actor): Promise<{ id: string }> {
  if (!isUuid(input.id)) throw notFound("Package");
  try {
    return await db.transaction(async (tx) => {
      const where = and(eq(packages.tenantId, input.tenantId), eq(packages.id, input.id));
      const [row] = await tx.select().from(packages).where(where).limit(1).for("update");
      if (!row) throw notFound("Package");
      const [[c], [v]] = await Promise.all([
        tx.select({ n: count() }).from(customers).where(and(eq(customers.tenantId, input.tenantId), eq(customers.packageId, row.id))),
        tx.select({ n: count() }).from(vouchers).where(and(eq(vouchers.tenantId, input.tenantId), eq(vouchers.packageId, row.id))),
      ]);
      if (c.n > 0 || v.n > 0) {
        const parts = [c.n > 0 ? `${c.n} customer${c.n === 1 ? "" : "s"}` : null, v.n > 0 ? `${v.n} voucher${v.n === 1 ? "" : "s"}` : null].filter(Boolean);
        throw new AppError("CONFLICT", `“${row.name}” is used by ${parts.join(" and ")} and cannot be deleted. Retire it instead: it stays with its current users but cannot be chosen for new ones.`, {
          customers: c.n,
          vouchers: v.n,
        });
      }
      await tx.delete(packages).where(where);
      await recordAudit(tx, { tenantId: input.tenantId, actor, action: "package.delete", targetType: "package", targetId: row.id, before: toPackageView(row) });
      return { id: row.id };
    });
  } catch (e) {
    mapDbError(e, { customers_package_id_packages_id_fk: ["id", "This package is still used by customers; retire it instead"] });
  }
}
