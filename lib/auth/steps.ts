// The steps every edge is built from: authenticate → require enrolment → authorise → resolve the
// tenant → (parse) → run in the tenant transaction → map errors. apiRoute, apiHandler and tenantAction
// are compositions of these; a route that streams or needs no transaction (live events, CSV export)
// composes the same steps instead of copying the checks.
import "server-only";
import { getServerSession } from "next-auth";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import type { AfterCommit } from "@/lib/db/after-commit";
import { withTenant } from "@/lib/db/tenant";
import type { Database, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/services/audit/record-audit";
import { verifyAccessToken } from "@/lib/services/auth/access-token";
import { getApiKeyContext, getApiKeyContextById, looksLikeApiKey } from "@/lib/services/auth/get-api-key-context";
import { getSessionContext, mustEnrolTotp, totpSetupRequired, type StaffContext } from "@/lib/services/auth/get-session-context";
import { clientAddressFrom } from "./client-address";
import { authOptions } from "./next-auth";
import { can, type Permission } from "./permissions";

export interface Principal {
  kind: "session" | "token" | "api-key";
  context: Omit<StaffContext, "sessionId" | "userId" | "email" | "name"> & {
    sessionId?: string;
    userId?: string;
    email?: string;
    name?: string;
    apiKeyId?: string;
  };
}

/** One permission, or any one of several. */
export type PermissionNeed = Permission | readonly Permission[];

/** Step 1: who is calling (session cookie, bearer access token or API key), checked against the database. */
export async function authenticate(req: Request, db: Database = getDb()): Promise<Principal | null> {
  const auth = req.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) {
    const token = auth.slice(7).trim();
    if (looksLikeApiKey(token)) {
      const ctx = await getApiKeyContext(db, token);
      return ctx ? { kind: "api-key", context: ctx } : null;
    }
    const claims = verifyAccessToken(env().AUTH_SECRET, token);
    if (!claims) return null;
    const ctx = await getSessionContext(db, claims.sid);
    return ctx && ctx.userId === claims.sub ? { kind: "token", context: ctx } : null;
  }
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  const ctx = await getSessionContext(db, session.sid);
  return ctx ? { kind: "session", context: ctx } : null;
}

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new AppError("UNAUTHORIZED", "Sign in or send a valid bearer token or API key");
  return principal;
}

/**
 * Step 2: a person whose tenant requires two-factor sign-in and who has not set it up may only enrol.
 * API keys belong to the tenant, not to a person, so the policy is not theirs.
 */
export function requireEnrolment(principal: Pick<Principal, "kind"> & { context: Pick<StaffContext, "totpRequired" | "totpEnabled" | "tenantName"> }, opts: { beforeTotpEnrolment?: boolean } = {}) {
  if (principal.kind === "api-key" || opts.beforeTotpEnrolment) return;
  if (mustEnrolTotp(principal.context)) throw totpSetupRequired(principal.context.tenantName);
}

/** Step 3: the role's permission (any one of several, when a list is given). */
export function authorize(role: StaffContext["role"], need: PermissionNeed) {
  const options = typeof need === "string" ? [need] : need;
  if (!options.some((p) => can(role, p))) throw new AppError("FORBIDDEN", "You do not have permission to do this");
}

/** Step 4: the tenant every query of the request is scoped to. */
export function requireTenant(context: { tenantId: string | null }, message = "This endpoint works inside a tenant"): string {
  if (!context.tenantId) throw new AppError("FORBIDDEN", message);
  return context.tenantId;
}

/** Who did it, for the audit log: the principal and the client address the web server decided. */
export function actorOf(principal: Principal, headers: Headers): Actor {
  return {
    userId: principal.context.userId ?? null,
    apiKeyId: principal.context.apiKeyId ?? null,
    label: principal.context.email ?? `api-key:${principal.context.apiKeyId}`,
    ip: clientAddressFrom(headers),
    userAgent: headers.get("user-agent"),
  };
}

/** Step 5: the work, in one transaction bound to the tenant (row-level security on). */
export function inTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T | AfterCommit<T>>): Promise<T> {
  return withTenant(getDb(), tenantId, fn);
}

/**
 * Steps 1–4 again for a principal that was let in earlier (a live stream asks every minute): a revoked
 * key or session, an ended trial, a lost permission or a new two-factor requirement ends it.
 */
export async function stillAuthorized(principal: Principal, need: PermissionNeed, db: Database = getDb()): Promise<boolean> {
  const { kind, context } = principal;
  const again =
    kind === "api-key" ? (context.apiKeyId ? await getApiKeyContextById(db, context.apiKeyId) : null) : context.sessionId ? await getSessionContext(db, context.sessionId) : null;
  if (!again || again.tenantId !== context.tenantId) return false;
  try {
    requireEnrolment({ kind, context: again });
    authorize(again.role, need);
    return true;
  } catch {
    return false;
  }
}
