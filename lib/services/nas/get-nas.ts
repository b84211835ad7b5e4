// One router of the tenant, without its secrets; another tenant's id is NOT_FOUND.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { nas } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { toNasView, type NasView } from "./nas-fields";

export async function getNas(db: Database, input: { tenantId: string; id: string }): Promise<NasView> {
  if (!isUuid(input.id)) throw notFound("Router");
  const [row] = await db
    .select()
    .from(nas)
    .where(and(eq(nas.tenantId, input.tenantId), eq(nas.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Router");
  return toNasView(row);
}
