// Live events: what the worker (and the web) NOTIFY on PostgreSQL and the dashboards receive over SSE.
import { z } from "zod";
import { uuidField } from "@/lib/ids";

/** The one PostgreSQL channel; every payload carries its tenant, and the web fans out per tenant. */
export const EVENTS_CHANNEL = "isp_events";

export const LIVE_EVENT_TYPES = [
  "session.started",
  "session.stopped",
  "session.updated",
  "auth.rejected",
  "nas.up",
  "nas.down",
  "payment.received",
  "customer.updated",
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/**
 * A live event. `type` and `tenantId` are required; the rest is free-form and small (NOTIFY payloads
 * are limited to 8000 bytes), e.g. { username, nasId, customerId, sessionId, reason }.
 */
export const liveEventSchema = z
  .object({
    type: z.string().min(1).max(60),
    tenantId: uuidField(),
    at: z.string().optional(),
  })
  .passthrough();
export type LiveEvent = z.infer<typeof liveEventSchema> & { type: LiveEventType | (string & {}) };

/** Parses a NOTIFY payload; anything malformed is null (and dropped by the caller). */
export function parseLiveEvent(payload: string): LiveEvent | null {
  try {
    const r = liveEventSchema.safeParse(JSON.parse(payload));
    return r.success ? (r.data as LiveEvent) : null;
  } catch {
    return null;
  }
}

/** Session events change counts on the dashboard and the sessions page. */
export const isSessionEvent = (type: string) => type.startsWith("session.");
