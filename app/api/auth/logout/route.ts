// POST /api/auth/logout: ends the calling session on the server (its access and refresh tokens die).
// Open to a member who must still set up two-factor sign-in: signing out is always allowed.
import { getDb } from "@/lib/db";
import { jsonData, jsonError } from "@/lib/auth/api";
import { actorOf, authenticate, requirePrincipal } from "@/lib/auth/steps";
import { AppError } from "@/lib/errors";
import { revokeSession } from "@/lib/services/auth/sign-out";

export async function POST(req: Request) {
  try {
    const principal = requirePrincipal(await authenticate(req));
    if (principal.kind === "api-key" || !principal.context.sessionId) {
      throw new AppError("INVALID_INPUT", "API keys do not sign out: an admin revokes them in settings");
    }
    await revokeSession(getDb(), { sessionId: principal.context.sessionId, tenantId: principal.context.tenantId, actor: actorOf(principal, req.headers) });
    return jsonData({ signedOut: true });
  } catch (e) {
    return jsonError(e);
  }
}
