// PUT /api/auth/password: { currentPassword, newPassword } → changes it and ends every OTHER session.
import { getDb } from "@/lib/db";
import { jsonData, jsonError, parseBody } from "@/lib/auth/api";
import { actorOf, authenticate, inTenant, requireEnrolment, requirePrincipal } from "@/lib/auth/steps";
import { AppError } from "@/lib/errors";
import { changePassword, changePasswordSchema } from "@/lib/services/auth/change-password";

export async function PUT(req: Request) {
  try {
    const principal = requirePrincipal(await authenticate(req));
    const { userId, sessionId, tenantId, impersonating } = principal.context;
    if (principal.kind === "api-key" || !userId) throw new AppError("FORBIDDEN", "An API key has no password");
    requireEnrolment(principal);
    const body = await parseBody(req, changePasswordSchema);
    const actor = actorOf(principal, req.headers);
    const ownTenant = impersonating ? null : tenantId;
    const run = (db: Parameters<typeof changePassword>[0]) => changePassword(db, { ...body, tenantId: ownTenant, userId, sessionId }, actor, { limits: getDb() });
    const result = ownTenant ? await inTenant(ownTenant, run) : await run(getDb());
    return jsonData({ changed: true, otherSessionsEnded: result.sessionsEnded });
  } catch (e) {
    return jsonError(e);
  }
}
