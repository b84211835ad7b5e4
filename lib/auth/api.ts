// REST handlers are compositions of the steps in ./steps: authenticate (session cookie, bearer access
// token or API key), require two-factor enrolment, authorise, resolve the tenant, parse with zod, run in
// the tenant-scoped transaction (apiRoute) or not (apiHandler: streams), and map the result or error to
// { data } | { error: { code, message, details } }.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { httpStatus, isAppError } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import type { Actor } from "@/lib/services/audit/record-audit";
import { zodFieldErrors } from "@/lib/services/zod-helpers";
import { actorOf, authenticate, authorize, inTenant, requireEnrolment, requirePrincipal, requireTenant, type PermissionNeed, type Principal } from "./steps";

export { authenticate, type Principal } from "./steps";

const log = childLogger("api");

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

export interface ApiAccess {
  principal: Principal;
  tenantId: string;
  actor: Actor;
}

/** Steps 1–4 for a tenant endpoint: the caller, let in, with their tenant and audit actor. */
export async function resolveApiAccess(req: Request, need: PermissionNeed): Promise<ApiAccess> {
  const principal = requirePrincipal(await authenticate(req));
  requireEnrolment(principal);
  authorize(principal.context.role, need);
  const tenantId = requireTenant(principal.context);
  return { principal, tenantId, actor: actorOf(principal, req.headers) };
}

export interface ApiHandlerContext<P> extends ApiAccess {
  req: Request;
  params: P;
  query: URLSearchParams;
}

export interface ApiContext<P> extends ApiHandlerContext<P> {
  tx: Tx;
}

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  return JSON.parse(text);
}

/**
 * A tenant endpoint without a transaction (streams: live events, CSV export, whose batches each open
 * their own). `fn` returns the data (wrapped as { data }) or a Response.
 */
export function apiHandler<P = Record<string, string>>(
  opts: { permission: PermissionNeed; status?: number },
  fn: (ctx: ApiHandlerContext<P>) => Promise<unknown>,
): RouteHandler<P> {
  return async (req, routeCtx) => {
    try {
      const access = await resolveApiAccess(req, opts.permission);
      const params = (await routeCtx?.params) ?? ({} as P);
      const result = await fn({ ...access, req, params, query: new URL(req.url).searchParams });
      if (result instanceof Response) return result;
      return jsonData(result, opts.status);
    } catch (e) {
      return jsonError(e);
    }
  };
}

/** A tenant-scoped REST handler: apiHandler with `fn` inside the tenant transaction. */
export function apiRoute<P = Record<string, string>>(
  opts: { permission: PermissionNeed; status?: number },
  fn: (ctx: ApiContext<P>) => Promise<unknown>,
): RouteHandler<P> {
  return apiHandler<P>(opts, (ctx) => inTenant(ctx.tenantId, (tx) => fn({ ...ctx, tx })));
}

const bigintSafe = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** { data } with bigint columns (byte counters) as decimal strings. */
export function jsonData(data: unknown, status = 200): Response {
  return new Response(JSON.stringify({ data: data ?? null }, bigintSafe), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}
