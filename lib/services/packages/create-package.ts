// Creates a service package (plan) with its speeds, limits and the routers it applies to.
import type { z } from "zod";
import type { Database } from "@/lib/db/client";
import { packages } from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { mapDbError } from "@/lib/services/db-errors";
import { packageColumns, packageConstraintMessages, packageSchema, toPackageView, type PackageView } from "./package-fields";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { savePackageRouters } from "./save-package-routers";

export const createPackageSchema = packageSchema;
export type CreatePackageInput = z.output<typeof createPackageSchema>;

export async function createPackage(db: Database, input: CreatePackageInput & { tenantId: string }, actor: Actor): Promise<PackageView> {
  const data = input;
  const currency = (await getTenantLocale(db, input.tenantId)).currency;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(packages)
        .values({ tenantId: input.tenantId, ...packageColumns(data, currency) })
        .returning();
      const routerIds = await savePackageRouters(tx, { tenantId: input.tenantId, packageId: row.id, allRouters: row.allRouters, routerIds: data.routerIds ?? [] });
      const view = toPackageView(row, routerIds);
      await recordAudit(tx, { tenantId: input.tenantId, actor, action: "package.create", targetType: "package", targetId: row.id, after: view });
      return view;
    });
  } catch (e) {
    mapDbError(e, packageConstraintMessages);
  }
}
