// Notes the first time staff took a router's RADIUS script (revealed its secret or copied it): the
// onboarding checklist's "paste its script" step ticks from this. Later views change nothing.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { routers } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/services/audit/record-audit";
import { getSetting, updateSettings } from "@/lib/settings";
import { isUuid } from "@/lib/ids";

export async function markRouterScriptCopied(db: Database, input: { tenantId: string; id: string; now?: Date }, actor: Actor): Promise<{ copiedAt: string }> {
  if (!isUuid(input.id)) throw notFound("Router");
  const [row] = await db.select({ id: routers.id }).from(routers).where(and(eq(routers.tenantId, input.tenantId), eq(routers.id, input.id))).limit(1);
  if (!row) throw notFound("Router");
  const seen = await getSetting(db, { tenantId: input.tenantId, key: "onboarding.script_copied_at" });
  if (seen) return { copiedAt: seen };
  const copiedAt = (input.now ?? new Date()).toISOString();
  await updateSettings(db, { tenantId: input.tenantId, values: { "onboarding.script_copied_at": copiedAt } }, actor);
  return { copiedAt };
}
