// Retires a package (it stays with its current customers but is no longer offered) or brings it back.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { packages } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { zBool } from "@/lib/services/zod-helpers";
import { toPackageView, type PackageView } from "./package-fields";
import { isUuid } from "@/lib/ids";

export const retirePackageSchema = z.object({ retired: zBool });
export type RetirePackageInput = z.output<typeof retirePackageSchema>;

export async function retirePackage(db: Database, input: RetirePackageInput & { tenantId: string; id: string }, actor: Actor): Promise<PackageView> {
  if (!isUuid(input.id)) throw notFound("Package");
  const { retired } = input;
  const [row] = await db
    .update(packages)
    .set({ retiredAt: retired ? new Date() : null, updatedAt: new Date() })
    .where(and(eq(packages.tenantId, input.tenantId), eq(packages.id, input.id)))
    .returning();
  if (!row) throw notFound("Package");
  await recordAudit(db, {
    tenantId: input.tenantId,
    actor,
    action: retired ? "package.retire" : "package.unretire",
    targetType: "package",
    targetId: row.id,
    after: { name: row.name, retiredAt: row.retiredAt },
  });
  return toPackageView(row);
}
