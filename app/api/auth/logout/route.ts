// POST /api/auth/logout: ends the calling session on the server (its access and refresh tokens die).
import { getDb } from "@/lib/db";
import { authenticate, jsonData, jsonError } from "@/lib/auth/api";
import { clientIpFrom } from "@/lib/auth/request-context";
import { AppError } from "@/lib/errors";
import { revokeSession } from "@/lib/services/auth/sign-out";

export async function POST(req: Request) {
  try {
    const principal = await authenticate(req);
    if (!principal) throw new AppError("UNAUTHORIZED", "Sign in or send a valid bearer token");
    if (principal.kind === "api-key" || !principal.context.sessionId) {
      throw new AppError("INVALID_INPUT", "API keys do not sign out: an admin revokes them in settings");
    }
    await revokeSession(getDb(), {
      sessionId: principal.context.sessionId,
      tenantId: principal.context.tenantId,
      actor: { userId: principal.context.userId, ip: clientIpFrom(req.headers), userAgent: req.headers.get("user-agent") },
    });
    return jsonData({ signedOut: true });
  } catch (e) {
    return jsonError(e);
  }
}
