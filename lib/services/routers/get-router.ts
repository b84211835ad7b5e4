// One router of the tenant, without its secrets; another tenant's id is NOT_FOUND.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { routers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { toRouterView, type RouterView } from "./router-fields";

export async function getRouter(db: Database, input: { tenantId: string; id: string }): Promise<RouterView> {
  if (!isUuid(input.id)) throw notFound("Router");
  const [row] = await db
    .select()
    .from(routers)
    .where(and(eq(routers.tenantId, input.tenantId), eq(routers.id, input.id)))
    .limit(1);
  if (!row) throw notFound("Router");
  return toRouterView(row);
}
