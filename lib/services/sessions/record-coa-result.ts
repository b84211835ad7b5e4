// One radius_log row (kind COA) per Disconnect/CoA exchange: outcome, Error-Cause, tries and latency.
import type { Database } from "@/lib/db/client";
import { radiusLog } from "@/lib/db/schema";
import type { DynamicAuthResult } from "@/lib/radius-client";

export interface CoaLogEntry {
  tenantId: string;
  routerId: string;
  nasIp: string;
  username: string;
  request: "Disconnect" | "CoA";
  result: DynamicAuthResult;
  detail?: Record<string, unknown>;
}

export async function recordCoaResult(db: Database, e: CoaLogEntry): Promise<void> {
  const { result } = e;
  const reason =
    result.outcome === "TIMEOUT"
      ? `no reply after ${result.attempts} tries${result.invalidReplies ? ` (${result.invalidReplies} replies failed verification)` : ""}`
      : (result.errorCauseName ?? null);
  await db.insert(radiusLog).values({
    tenantId: e.tenantId,
    routerId: e.routerId,
    nasIp: e.nasIp,
    kind: "COA",
    username: e.username,
    outcome: result.outcome,
    reason,
    detail: {
      request: e.request,
      attempts: result.attempts,
      replyCode: result.replyCode ?? null,
      errorCause: result.errorCause ?? null,
      ...e.detail,
    },
    latencyMs: result.latencyMs,
  });
}
