// REST handlers that work without a tenant principal (sign-in, registration, token refresh, reset):
// the same body parsing and error mapping as apiRoute, plus the token pair a REST sign-in returns.
import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { ACCESS_TOKEN_SECONDS, signAccessToken } from "@/lib/services/auth/access-token";
import type { Actor } from "@/lib/services/audit/record-audit";
import { jsonData, jsonError, parseBody } from "./api";
import { clientAddressFrom } from "./client-address";

export interface PublicContext<B = undefined> {
  req: Request;
  ip: string | null;
  userAgent: string | null;
  actor: Actor;
  /** The JSON body, parsed by `opts.body` (the service's own schema) before the handler runs. */
  body: B;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export function publicRoute<BS extends z.ZodType | undefined = undefined>(
  opts: { status?: number; body?: BS },
  fn: (ctx: PublicContext<Output<BS>>) => Promise<unknown>,
) {
  return async (req: Request): Promise<Response> => {
    try {
      const ip = clientAddressFrom(req.headers);
      const userAgent = req.headers.get("user-agent");
      const body = (opts.body ? await parseBody(req, opts.body) : undefined) as Output<BS>;
      const result = await fn({ req, ip, userAgent, actor: { ip, userAgent }, body });
      if (result instanceof Response) return result;
      return jsonData(result, opts.status);
    } catch (e) {
      return jsonError(e);
    }
  };
}

export function tokenPair(sessionId: string, userId: string, refreshToken: string) {
  return {
    accessToken: signAccessToken(env().AUTH_SECRET, { sid: sessionId, sub: userId }),
    refreshToken,
    tokenType: "Bearer",
    expiresIn: ACCESS_TOKEN_SECONDS,
  };
}
