import { version } from "@/package.json";
import { getDb } from "@/lib/db";
import { checkReadiness } from "@/lib/services/health/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const r = await checkReadiness(getDb().$client);
  return Response.json(
    { status: r.ready ? "ok" : "degraded", service: "web", version, checks: r.checks },
    { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
