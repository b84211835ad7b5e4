// Loads the open sessions a command applies to, with their router's address, CoA port and secret.
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { customers, routers, sessions } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { openSecret } from "@/lib/crypto";
import type { DynamicAuthRequest, DynamicAuthResult, DynamicAuthTarget } from "@/lib/radius-client";

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
