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

export interface ApiHandlerContext<P, B = undefined, Q = undefined> extends ApiAccess {
  req: Request;
  params: P;
  query: URLSearchParams;
  /** The JSON body, parsed at the edge by `opts.body` (the service's own schema). */
  body: B;
  /** The query string, parsed at the edge by `opts.search`. */
  search: Q;
}

export interface ApiContext<P, B = undefined, Q = undefined> extends ApiHandlerContext<P, B, Q> {
  tx: Tx;
}

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  return JSON.parse(text);
}

/** The query string as an object for a zod schema: a repeated key becomes an array. */
export function searchToObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiOptions<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> {
  permission: PermissionNeed;
  status?: number;
  /** Parses the JSON body (anything but an object is refused) before the handler runs; every field error is reported. */
  body?: BS;
  /** Parses the query string before the handler runs. */
  search?: QS;
}

/** The JSON body through a schema: anything but an object is refused; every field error is reported. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const raw = await readJson(req);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new z.ZodError([{ code: "custom", path: [], message: "The body must be a JSON object", input: raw }]);
  }
  return schema.parse(raw);
}

/** The parse step: body and query string through the service's own schemas, before any work starts. */
async function parseEdge<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined>(
  req: Request,
  query: URLSearchParams,
  opts: ApiOptions<BS, QS>,
): Promise<{ body: Output<BS>; search: Output<QS> }> {
  const body = opts.body ? await parseBody(req, opts.body) : undefined;
  const search = opts.search ? opts.search.parse(searchToObject(query)) : undefined;
  return { body: body as Output<BS>, search: search as Output<QS> };
}

/**
 * A tenant endpoint without a transaction (streams: live events, CSV export, whose batches each open
 * their own). `fn` returns the data (wrapped as { data }) or a Response.
 */
export function apiHandler<P = Record<string, string>, BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  opts: ApiOptions<BS, QS>,
  fn: (ctx: ApiHandlerContext<P, Output<BS>, Output<QS>>) => Promise<unknown>,
): RouteHandler<P> {
  return async (req, routeCtx) => {
    try {
      const access = await resolveApiAccess(req, opts.permission);
      const params = (await routeCtx?.params) ?? ({} as P);
      const query = new URL(req.url).searchParams;
      const { body, search } = await parseEdge(req, query, opts);
      const result = await fn({ ...access, req, params, query, body, search });
      if (result instanceof Response) return result;
      return jsonData(result, opts.status);
    } catch (e) {
      return jsonError(e);
    }
  };
}

/** A tenant-scoped REST handler: apiHandler with `fn` inside the tenant transaction. */
export function apiRoute<P = Record<string, string>, BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  opts: ApiOptions<BS, QS>,
  fn: (ctx: ApiContext<P, Output<BS>, Output<QS>>) => Promise<unknown>,
): RouteHandler<P> {
  return apiHandler<P, BS, QS>(opts, (ctx) => inTenant(ctx.tenantId, (tx) => fn({ ...ctx, tx })));
}

const bigintSafe = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** { data } with bigint columns (byte counters) as decimal strings. */
export function jsonData(data: unknown, status = 200): Response {
  return new Response(JSON.stringify({ data: data ?? null }, bigintSafe), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}
