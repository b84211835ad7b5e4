// The one wrapper every REST handler goes through, composed of small steps: authenticate (session
// cookie, bearer access token or API key), resolve the tenant, authorize, parse with zod, run in the
// tenant-scoped transaction, and map the result or error to { data } | { error: { code, message, details } }.
import "server-only";
import { getServerSession } from "next-auth";
import { z } from "zod";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import type { Tx } from "@/lib/db/client";
import { AppError, httpStatus, isAppError } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import type { Actor } from "@/lib/services/audit/record-audit";
import { zodFieldErrors } from "@/lib/services/zod-helpers";
import { verifyAccessToken } from "@/lib/services/auth/access-token";
import { getApiKeyContext, looksLikeApiKey } from "@/lib/services/auth/get-api-key-context";
import { getSessionContext, mustEnrolTotp, totpSetupRequired, type StaffContext } from "@/lib/services/auth/get-session-context";
import { authOptions } from "./next-auth";
import { can, type Permission } from "./permissions";
import { clientIpFrom } from "./request-context";

const log = childLogger("api");

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

export async function authenticate(req: Request): Promise<Principal | null> {
  const auth = req.headers.get("authorization");
  const db = getDb();
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

export function jsonError(e: unknown): Response {
  if (e instanceof z.ZodError) {
    return Response.json(
      { error: { code: "INVALID_INPUT", message: "Invalid input", details: { fieldErrors: zodFieldErrors(e) } } },
      { status: 400 },
    );
  }
  if (isAppError(e)) {
    const headers: Record<string, string> = {};
    if (e.code === "RATE_LIMITED" && e.details?.retryAfterSeconds) headers["retry-after"] = String(e.details.retryAfterSeconds);
    return Response.json({ error: { code: e.code, message: e.message, details: e.details ?? {} } }, { status: httpStatus[e.code], headers });
  }
  if (e instanceof SyntaxError) {
    return Response.json({ error: { code: "INVALID_INPUT", message: "Request body is not valid JSON", details: {} } }, { status: 400 });
  }
  log.error({ err: e }, "REST handler failed");
  return Response.json({ error: { code: "INTERNAL", message: "Internal error", details: {} } }, { status: 500 });
}

export interface ApiContext<P> {
  req: Request;
  params: P;
  principal: Principal;
  tenantId: string;
  actor: Actor;
  tx: Tx;
  query: URLSearchParams;
}

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  return JSON.parse(text);
}

/** A tenant-scoped REST handler. `fn` returns the data (wrapped as { data }) or a Response. */
export function apiRoute<P = Record<string, string>>(
  opts: { permission: Permission; status?: number },
  fn: (ctx: ApiContext<P>) => Promise<unknown>,
): RouteHandler<P> {
  return async (req, routeCtx) => {
    try {
      const principal = await authenticate(req);
      if (!principal) throw new AppError("UNAUTHORIZED", "Sign in or send a valid bearer token or API key");
      // API keys belong to the tenant, not to a person; a person's session or token obeys the 2FA policy.
      if (principal.kind !== "api-key" && mustEnrolTotp(principal.context)) throw totpSetupRequired(principal.context.tenantName);
      if (!can(principal.context.role, opts.permission)) throw new AppError("FORBIDDEN", "You do not have permission to do this");
      const tenantId = principal.context.tenantId;
      if (!tenantId) throw new AppError("FORBIDDEN", "This endpoint works inside a tenant");
      const params = (await routeCtx.params) ?? ({} as P);
      const actor: Actor = {
        userId: principal.context.userId ?? null,
        apiKeyId: principal.context.apiKeyId ?? null,
        label: principal.context.email ?? `api-key:${principal.context.apiKeyId}`,
        ip: clientIpFrom(req.headers),
        userAgent: req.headers.get("user-agent"),
      };
      const query = new URL(req.url).searchParams;
      const result = await withTenant(getDb(), tenantId, (tx) => fn({ req, params, principal, tenantId, actor, tx, query }));
      if (result instanceof Response) return result;
      return jsonData(result, opts.status);
    } catch (e) {
      return jsonError(e);
    }
  };
}

const bigintSafe = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** { data } with bigint columns (byte counters) as decimal strings. */
export function jsonData(data: unknown, status = 200): Response {
  return new Response(JSON.stringify({ data: data ?? null }, bigintSafe), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}
