// Loads the open sessions a command applies to, with their router's address, CoA port and secret.
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, routers, sessions } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { openSecret } from "@/lib/crypto";
import { RadiusCode, type AttributeInput } from "@/lib/radius";
import { sessionIdentification, type DynamicAuthRequest, type DynamicAuthResult, type DynamicAuthTarget } from "@/lib/radius-client";
import { recordCoaResult } from "./record-coa-result";
import type { SessionCommandResult } from "./session-jobs";

/** What the session services need from the CoA client (the real one, or a test double). */
export interface CoaSender {
  send(target: DynamicAuthTarget, request: DynamicAuthRequest): Promise<DynamicAuthResult>;
}

export interface CoaTarget {
  sessionId: string;
  customerId: string | null;
  username: string;
  acctSessionId: string;
  framedIp: string | null;
  rateLimit: string | null;
  routerId: string;
  nasIp: string;
  coaPort: number;
  secret: string;
  messageAuthenticator: boolean;
}

export interface SessionSelector {
  tenantId: string;
  sessionIds?: string[];
  customerId?: string;
  routerId?: string;
}

export async function loadCoaTargets(db: Database, sel: SessionSelector): Promise<CoaTarget[]> {
  const filters: SQL[] = [eq(sessions.tenantId, sel.tenantId)];
  if (sel.sessionIds?.length) filters.push(inArray(sessions.id, sel.sessionIds));
  if (sel.customerId) filters.push(eq(sessions.customerId, sel.customerId));
  if (sel.routerId) filters.push(eq(sessions.routerId, sel.routerId));
  if (!sel.sessionIds?.length && !sel.customerId && !sel.routerId) return [];
  const rows = await db
    .select({
      sessionId: sessions.id,
      customerId: sessions.customerId,
      username: sessions.username,
      acctSessionId: sessions.acctSessionId,
      framedIp: sessions.framedIp,
      rateLimit: sessions.rateLimit,
      routerId: routers.id,
      nasIp: routers.ipAddress,
      coaPort: routers.coaPort,
      secretSealed: routers.secretSealed,
    })
    .from(sessions)
    .innerJoin(routers, and(eq(routers.id, sessions.routerId), eq(routers.tenantId, sessions.tenantId)))
    .where(and(...filters));
  const secrets = new Map<string, string>();
  return rows.map(({ secretSealed, ...r }) => {
    let secret = secrets.get(r.routerId);
    if (secret === undefined) secrets.set(r.routerId, (secret = openSecret("nas-secret", secretSealed)));
    // Always signed with a Message-Authenticator too (optional in RFC 5176; harmless, and BlastRADIUS-era routers like it).
    return { ...r, secret, messageAuthenticator: true };
  });
}

/** The ids of a customer's open sessions; NOT_FOUND when the customer is not the tenant's. */
export async function openSessionsOfCustomer(db: Database, tenantId: string, customerId: string): Promise<string[]> {
  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .limit(1);
  if (!customer) throw notFound("Customer");
  const open = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.customerId, customerId)));
  return open.map((s) => s.id);
}

/** Runs fn over items with at most `limit` in flight. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return out;
}

/**
 * Sends one Disconnect-Request or CoA-Request per target (32 in flight), each identifying its session and,
 * for a CoA, carrying `attributes`; every exchange is logged with `detail`. A send that throws is an ERROR
 * result, never an exception: one unreachable router does not stop the others.
 */
export async function sendToTargets(
  db: Database,
  coa: CoaSender,
  targets: CoaTarget[],
  req: { tenantId: string; request: "Disconnect" | "CoA"; attributes?: readonly AttributeInput[]; detail: Record<string, unknown> },
): Promise<SessionCommandResult[]> {
  return mapLimited(targets, 32, async (t): Promise<SessionCommandResult> => {
    const base = { sessionId: t.sessionId, username: t.username, nasId: t.routerId, closed: false };
    try {
      const result = await coa.send(
        { host: t.nasIp, port: t.coaPort, secret: t.secret },
        {
          code: req.request === "CoA" ? RadiusCode.CoaRequest : RadiusCode.DisconnectRequest,
          attributes: [...sessionIdentification({ username: t.username, acctSessionId: t.acctSessionId, framedIp: t.framedIp, nasIp: t.nasIp }), ...(req.attributes ?? [])],
          messageAuthenticator: t.messageAuthenticator,
        },
      );
      await recordCoaResult(db, {
        tenantId: req.tenantId,
        routerId: t.routerId,
        nasIp: t.nasIp,
        username: t.username,
        request: req.request,
        result,
        detail: { sessionId: t.sessionId, acctSessionId: t.acctSessionId, ...req.detail },
      });
      return { ...base, outcome: result.outcome, errorCause: result.errorCauseName };
    } catch (e) {
      return { ...base, outcome: "ERROR", message: (e as Error).message };
    }
  });
}
