// Changes a package. The given fields (parsed at the edge, each on its own) are merged over the current
// ones and the cross-field rules (burst, fair usage, routers) checked on the result.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/lib/db/client";
import { packages } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { getPackage } from "./get-package";
import { checkPackageRules, packageColumns, packageConstraintMessages, packageFieldsSchema, packageInputOf, toPackageView, type PackageView } from "./package-fields";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { savePackageRouters } from "./save-package-routers";

/** Any subset of the fields; the cross-field rules hold for the merged package (checkPackageRules). */
export const updatePackageSchema = packageFieldsSchema.partial();
export type UpdatePackageInput = z.output<typeof updatePackageSchema>;

export async function updatePackage(db: Database, input: UpdatePackageInput & { tenantId: string; id: string }, actor: Actor): Promise<PackageView> {
  const before = await getPackage(db, { tenantId: input.tenantId, id: input.id });
  const { tenantId: _t, id: _id, ...fields } = input;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as UpdatePackageInput;
  const currency = (await getTenantLocale(db, input.tenantId)).currency;
  const data = { ...packageInputOf(before, currency), ...given };
  checkPackageRules(data);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(packages)
        .set({ ...packageColumns(data, currency), updatedAt: new Date() })
        .where(and(eq(packages.tenantId, input.tenantId), eq(packages.id, before.id)))
        .returning();
      if (!row) throw notFound("Package");
      const routerIds = await savePackageRouters(tx, { tenantId: input.tenantId, packageId: row.id, allRouters: row.allRouters, routerIds: data.routerIds ?? [] });
      const view = toPackageView(row, routerIds);
      await recordAudit(tx, { tenantId: input.tenantId, actor, action: "package.update", targetType: "package", targetId: row.id, before, after: view });
      return view;
    });
  } catch (e) {
    mapDbError(e, packageConstraintMessages);
  }
}
