// REST handlers that work without a tenant principal (sign-in, registration, token refresh, reset):
// the same error mapping as apiRoute, plus the token pair a REST sign-in returns.
import "server-only";
import { env } from "@/lib/env";
import { ACCESS_TOKEN_SECONDS, signAccessToken } from "@/lib/services/auth/access-token";
import type { Actor } from "@/lib/services/audit/record-audit";
import { jsonData, jsonError } from "./api";
import { clientAddressFrom } from "./client-address";

export interface PublicContext {
  req: Request;
  ip: string | null;
  userAgent: string | null;
  actor: Actor;
}

export function publicRoute(opts: { status?: number }, fn: (ctx: PublicContext) => Promise<unknown>) {
  return async (req: Request): Promise<Response> => {
    try {
      const ip = clientAddressFrom(req.headers);
      const userAgent = req.headers.get("user-agent");
      const result = await fn({ req, ip, userAgent, actor: { ip, userAgent } });
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
