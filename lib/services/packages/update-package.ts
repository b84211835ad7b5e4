// Changes a package. The given fields are merged over the current ones and the whole is validated
// again, so cross-field rules (burst, fair usage, routers) hold after a partial update too.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { packages } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { getPackage } from "./get-package";
import { packageColumns, packageConstraintMessages, packageInputOf, packageSchema, toPackageView, type PackageView } from "./package-fields";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { savePackageRouters } from "./save-package-routers";

export const updatePackageSchema = packageSchema;
export type UpdatePackageInput = Record<string, unknown>;

export async function updatePackage(db: Database, input: UpdatePackageInput & { tenantId: string; id: string }, actor: Actor): Promise<PackageView> {
  const before = await getPackage(db, { tenantId: input.tenantId, id: input.id });
  const given = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== "tenantId" && k !== "id"));
  const currency = (await getTenantLocale(db, input.tenantId)).currency;
  const data = updatePackageSchema.parse({ ...packageInputOf(before, currency), ...given });
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
